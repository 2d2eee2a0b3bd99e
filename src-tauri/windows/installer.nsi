; Plenary's Windows installer (NSIS 3, Unicode), built on Linux by `scripts/package --windows`
; with Debian's makensis, and on the Windows release runner with the same script.
;
; Per user, no administrator rights: installs into %LOCALAPPDATA%\Programs\Plenary, adds a
; Start-menu shortcut and an "Apps & features" entry under HKCU, and writes an uninstaller.
; Installing a newer version over an older one upgrades in place (same folder, files replaced,
; the library in %APPDATA%\org.plenary.desktop untouched). WebView2, which the app needs, is
; checked for; when missing, the installer says so and offers Microsoft's download page.
;
; makensis -DVERSION=0.1.0 -DSTAGE=<folder with plenary-app.exe, plenary.exe,
;          icon.ico, and WebView2Loader.dll for the GNU build> -DOUTFILE=<installer.exe> installer.nsi
; Silent install: Plenary-setup.exe /S    silent uninstall: uninstall.exe /S

; A 64-bit installer for a 64-bit app (it also runs under 64-bit-only Wine, which the tests use).
; NSIS's official Windows builds ship only the x86 stubs: the release workflow passes
; -DTARGET=x86-unicode (a 32-bit installer for the same 64-bit app; it reads the 64-bit registry
; view where it matters).
!ifndef TARGET
  !define TARGET amd64-unicode
!endif
Target ${TARGET}
SetCompressor /SOLID lzma
RequestExecutionLevel user
ManifestDPIAware true

!ifndef VERSION
  !error "pass -DVERSION=x.y.z"
!endif
!ifndef STAGE
  !error "pass -DSTAGE=folder holding the files to install"
!endif
!ifndef OUTFILE
  !define OUTFILE "Plenary_${VERSION}_x64-setup.exe"
!endif

!define PRODUCT "Plenary"
!define IDENTIFIER "org.plenary.desktop"
!define PUBLISHER "Plenary"
!define APP_EXE "plenary-app.exe"
!define CLI_EXE "plenary.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${IDENTIFIER}"
!define PRODUCT_KEY "Software\${IDENTIFIER}"
; The Evergreen WebView2 Runtime's client id: its version ("pv") is registered per machine
; (under WOW6432Node on 64-bit Windows) or per user.
!define WEBVIEW2_KEY "Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"
!define WEBVIEW2_PAGE "https://developer.microsoft.com/microsoft-edge/webview2/"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"

Name "${PRODUCT}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${PRODUCT}"
; An upgrade goes where the previous version is.
InstallDirRegKey HKCU "${PRODUCT_KEY}" "InstallDir"
BrandingText "${PRODUCT} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${PRODUCT}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${PRODUCT} installer"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "Plenary developers, MIT OR Apache-2.0"

; The release workflow signs the uninstaller as it is written into the installer (NSIS 3.08+
; runs the command with %1 standing for the file): -DSIGN_COMMAND='"…\signtool.exe" sign … "%1"'.
!ifdef SIGN_COMMAND
  !uninstfinalize '${SIGN_COMMAND}' = 0
!endif

!define MUI_ICON "${STAGE}\icon.ico"
!define MUI_UNICON "${STAGE}\icon.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Spanish"

LangString AppRunning ${LANG_ENGLISH} "Plenary is running. Close it (your work is saved as you type), then choose Retry."
LangString AppRunning ${LANG_SPANISH} "Plenary está abierto. Ciérrelo (su trabajo se guarda mientras escribe) y elija Reintentar."
LangString CliRunning ${LANG_ENGLISH} "The plenary command is running (in a script or a terminal window). Let it finish or close it, then choose Retry."
LangString CliRunning ${LANG_SPANISH} "El comando plenary se está ejecutando (en un script o una ventana de terminal). Espere a que termine o ciérrelo y elija Reintentar."
LangString NoWebView2 ${LANG_ENGLISH} "Plenary needs Microsoft Edge WebView2, which this computer does not have yet (Windows 11 includes it; some Windows 10 computers lack it).$\r$\n$\r$\nPlenary will be installed, but will not open until WebView2 is installed. Open Microsoft's download page now? (Choose the Evergreen Bootstrapper; no administrator rights are needed.)"
LangString NoWebView2 ${LANG_SPANISH} "Plenary necesita Microsoft Edge WebView2, que este equipo aún no tiene (Windows 11 lo incluye; algunos equipos con Windows 10 no).$\r$\n$\r$\nPlenary se instalará, pero no se abrirá hasta que WebView2 esté instalado. ¿Abrir ahora la página de descarga de Microsoft? (Elija «Evergreen Bootstrapper»; no hacen falta permisos de administrador.)"

; The installer speaks the user's Windows language when it is English or Spanish.
Function .onInit
  SetShellVarContext current
FunctionEnd

Function un.onInit
  SetShellVarContext current
FunctionEnd

; Sets $0 to the installed WebView2 Runtime's version, or "" when there is none.
Function FindWebView2
  SetRegView 64
  ReadRegStr $0 HKLM "SOFTWARE\WOW6432Node\${WEBVIEW2_KEY}" "pv"
  ; "0.0.0.0" is what an uninstalled runtime leaves behind: keep looking.
  ${If} $0 == "0.0.0.0"
    StrCpy $0 ""
  ${EndIf}
  ${If} $0 == ""
    ReadRegStr $0 HKLM "SOFTWARE\${WEBVIEW2_KEY}" "pv"
  ${EndIf}
  ${If} $0 == "0.0.0.0"
    StrCpy $0 ""
  ${EndIf}
  ${If} $0 == ""
    ReadRegStr $0 HKCU "Software\${WEBVIEW2_KEY}" "pv"
  ${EndIf}
  ${If} $0 == "0.0.0.0"
    StrCpy $0 ""
  ${EndIf}
  SetRegView lastused
FunctionEnd

; Windows cannot replace or remove a running program, and refuses to open its file for writing:
; waits until EXE (the app, or the `plenary` command run by a script) is closed, asking the user
; to close it. A silent run fails with exit code 2 instead of waiting. Both programs are checked
; before either is touched, so a refusal leaves the installed version whole.
!macro WaitUntilClosed EXE MESSAGE
  ${Do}
    ${IfNot} ${FileExists} "$INSTDIR\${EXE}"
      ${Break}
    ${EndIf}
    ClearErrors
    FileOpen $R0 "$INSTDIR\${EXE}" a
    ${IfNot} ${Errors}
      FileClose $R0
      ${Break}
    ${EndIf}
    ${If} ${Silent}
      SetErrorLevel 2
      Abort
    ${EndIf}
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "${MESSAGE}" IDRETRY +2
    Abort
  ${Loop}
!macroend

!macro WaitUntilBothClosed
  !insertmacro WaitUntilClosed "${APP_EXE}" "$(AppRunning)"
  !insertmacro WaitUntilClosed "${CLI_EXE}" "$(CliRunning)"
!macroend

Section "Plenary" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"

  !insertmacro WaitUntilBothClosed

  File "${STAGE}\${APP_EXE}"
  File "${STAGE}\${CLI_EXE}"
  ; The GNU build loads WebView2 through this DLL; the MSVC build links it in.
  !if /FileExists "${STAGE}\WebView2Loader.dll"
    File "${STAGE}\WebView2Loader.dll"
  !endif
  File "${STAGE}\icon.ico"

  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortCut "$SMPROGRAMS\${PRODUCT}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\icon.ico" 0

  WriteRegStr HKCU "${PRODUCT_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${PRODUCT_KEY}" "Version" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\icon.ico"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0

  Call FindWebView2
  ${If} $0 == ""
    DetailPrint "WebView2 Runtime not found: Plenary will not open until it is installed (${WEBVIEW2_PAGE})"
    ${IfNot} ${Silent}
      MessageBox MB_YESNO|MB_ICONINFORMATION "$(NoWebView2)" IDNO +2
      ExecShell "open" "${WEBVIEW2_PAGE}"
    ${EndIf}
  ${Else}
    DetailPrint "WebView2 Runtime $0 found"
  ${EndIf}
SectionEnd

; Removes the program, never the library: %APPDATA%\org.plenary.desktop holds the user's work.
Section "Uninstall"
  !insertmacro WaitUntilBothClosed
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\WebView2Loader.dll"
  Delete "$INSTDIR\icon.ico"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  Delete "$SMPROGRAMS\${PRODUCT}.lnk"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "${PRODUCT_KEY}"
SectionEnd
