//! The Plenary desktop app. Everything happens in [`plenary_app::run`].

// No console window behind the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    plenary_app::run();
}
