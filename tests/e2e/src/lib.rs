//! Helpers for driving the real app window (filled in below).
