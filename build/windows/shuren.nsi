; 熟人小区 installer for Windows: puts the PyInstaller one-folder bundle (shuren.exe and
; _internal\) in the user's own program folder; no administrator rights are asked for.
;
;   makensis -DBUNDLE=<absolute path of dist\shuren> -DVERSION=0.1.0 ^
;            -DOUTFILE=<absolute path of the setup .exe> build\windows\shuren.nsi
;
; makensis resolves relative paths from this file's folder, hence the absolute paths.
; VERSION is the project's X.Y.Z (pyproject.toml); it also becomes the file's version resource.
;
; The secretary's data is not here: the app keeps it in %LOCALAPPDATA%\ShurenXiaoqu
; (desktop/store/datadir.py). Uninstalling removes the program and its shortcuts only.

Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma

!ifndef BUNDLE
  !error "BUNDLE is not set: makensis -DBUNDLE=<the bundle folder holding shuren.exe> ..."
!endif
!ifndef VERSION
  !error "VERSION is not set: makensis -DVERSION=X.Y.Z ..."
!endif
!ifndef OUTFILE
  !define OUTFILE "shuren-xiaoqu-${VERSION}-setup.exe"
!endif
!ifndef PUBLISHER
  !define PUBLISHER "熟人小区"
!endif

!define APP_ID "ShurenXiaoqu"
!define APP_NAME "熟人小区"
!define APP_EXE "shuren.exe"
; The console twin of shuren.exe that runs the commands (shuren-cli self-test, check, …).
!define CLI_EXE "shuren-cli.exe"
!define UNINSTALLER "uninstall.exe"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
; Where the app keeps the database, backups and logs (platformdirs' user_data_dir).
!define DATA_DIR "$LOCALAPPDATA\${APP_ID}"

!include MUI2.nsh
!include LogicLib.nsh
!include FileFunc.nsh

Name "${APP_NAME}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_ID}"
InstallDirRegKey HKCU "${UNINST_KEY}" "InstallLocation"
RequestExecutionLevel user
BrandingText "${APP_NAME} ${VERSION}"

; The file's properties in Explorer (the version resource wants four numbers).
!searchparse "${VERSION}" "" VERSION_MAJOR "." VERSION_MINOR "." VERSION_PATCH
VIProductVersion "${VERSION_MAJOR}.${VERSION_MINOR}.${VERSION_PATCH}.0"
VIAddVersionKey /LANG=2052 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "FileDescription" "${APP_NAME} 安装程序"
VIAddVersionKey /LANG=2052 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=2052 "LegalCopyright" "${PUBLISHER}"

!define MUI_ICON "..\..\resources\icons\app.ico"
!define MUI_UNICON "..\..\resources\icons\app.ico"
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_NODESC

!define MUI_WELCOMEPAGE_TEXT "将在这台电脑上为当前用户安装${APP_NAME} ${VERSION}，不需要管理员权限。$\r$\n$\r$\n如果已经装过，会更新程序，原有数据保持不变。$\r$\n$\r$\n点“下一步”继续。"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "现在打开${APP_NAME}"
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!define MUI_FINISHPAGE_TITLE "${APP_NAME}已卸载"
!define MUI_FINISHPAGE_TEXT "程序和快捷方式已删除。$\r$\n$\r$\n您的数据（数据文件、备份和日志）没有删除，仍在：$\r$\n${DATA_DIR}$\r$\n$\r$\n重新安装${APP_NAME}后可以接着使用。确定不再需要时，可以自己删除这个文件夹。"
!insertmacro MUI_UNPAGE_FINISH

!insertmacro MUI_LANGUAGE "SimpChinese"

; A running window keeps shuren.exe open and Windows refuses to replace or delete it: ask her
; to close it before anything is changed.
!macro CLOSE_RUNNING_APP
  retry_close:
  ClearErrors
  Delete "$INSTDIR\${APP_EXE}"
  ${If} ${Errors}
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "${APP_NAME}正在运行。请先关闭${APP_NAME}的窗口，再点“重试”。" /SD IDCANCEL IDRETRY retry_close
    Abort "${APP_NAME}正在运行，没有改动任何文件。"
  ${EndIf}
!macroend

Section "${APP_NAME}（程序）" SecProgram
  SectionIn RO
  SetShellVarContext current
  ; The data folder must never become the program folder: uninstalling would empty it.
  ${If} $INSTDIR == "${DATA_DIR}"
  ${OrIf} $INSTDIR == "$APPDATA\${APP_ID}"
    MessageBox MB_OK|MB_ICONSTOP "不能安装到数据文件夹 $INSTDIR，请换一个文件夹。" /SD IDOK
    Abort
  ${EndIf}
  !insertmacro CLOSE_RUNNING_APP
  ; An update replaces the whole library folder: files an older version had must not linger.
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${BUNDLE}\*.*"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"
  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0

  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" "$0"
SectionEnd

Section "桌面快捷方式" SecDesktop
  SetShellVarContext current
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
SectionEnd

; Only what the installer put here goes: the library folder, the program, the uninstaller and
; the shortcuts. The folder itself goes only when nothing else is left in it, and the data
; folder (${DATA_DIR}) is never touched.
Section "Uninstall"
  SetShellVarContext current
  !insertmacro CLOSE_RUNNING_APP
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${CLI_EXE}"
  Delete "$INSTDIR\${UNINSTALLER}"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINST_KEY}"
  DetailPrint "您的数据仍在 ${DATA_DIR}，没有删除。"
SectionEnd
