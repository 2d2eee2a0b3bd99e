/* A stand-in for Windows' bcryptprimitives.dll, for running Plenary's Windows build under Wine 8
 * (Debian 12), which lacks the DLL. Rust's standard library takes its random numbers (HashMap
 * keys) from ProcessPrng there; on real Windows 10 and 11 the system's DLL provides it. Only the
 * tests' Wine prefix gets this file (scripts/wine puts it in system32); no installer ships it.
 *
 * x86_64-w64-mingw32-gcc -shared -O2 -o bcryptprimitives.dll bcryptprimitives.c -ladvapi32 */
#include <windows.h>

/* advapi32's RtlGenRandom, exported as SystemFunction036. */
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk)) {
            return FALSE;
        }
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
