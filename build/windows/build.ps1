# Builds the Windows bundles (dist\shuren, dist\shuren-street) and the installer
# (dist\shuren-xiaoqu-<version>-setup.exe) on Windows 10/11 with Python 3.11 and NSIS:
#
#   powershell -ExecutionPolicy Bypass -File build\windows\build.ps1
#
# Needs: Python 3.11 from python.org (the "py" launcher; or set $env:PYTHON to a python.exe)
# and NSIS 3 (winget install NSIS.NSIS; or set $env:MAKENSIS to makensis.exe).
# Kept to ASCII: Windows PowerShell 5.1 reads a script without a byte order mark in the
# ANSI code page.

$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..\..")
$Root = (Get-Location).Path
$Dist = Join-Path $Root "dist"
$Venv = Join-Path $Root ".venv"
$Py = Join-Path $Venv "Scripts\python.exe"

# A native program's failure does not stop PowerShell by itself: check its exit code.
function Invoke-Checked {
    param([string]$Program, [string[]]$Arguments)
    & $Program @Arguments
    if ($LASTEXITCODE -ne 0) {
        throw "$Program $($Arguments -join ' ') failed with exit code $LASTEXITCODE"
    }
}

function Find-Makensis {
    if ($env:MAKENSIS) { return $env:MAKENSIS }
    $command = Get-Command makensis.exe -ErrorAction SilentlyContinue
    if ($command) { return $command.Source }
    foreach ($folder in @(${env:ProgramFiles(x86)}, $env:ProgramFiles)) {
        if ($folder -and (Test-Path (Join-Path $folder "NSIS\makensis.exe"))) {
            return (Join-Path $folder "NSIS\makensis.exe")
        }
    }
    throw "makensis.exe not found: install NSIS (winget install NSIS.NSIS) or set MAKENSIS"
}

Write-Host "== Python environment (.venv)"
if (-not (Test-Path $Py)) {
    if ($env:PYTHON) {
        Invoke-Checked $env:PYTHON @("-m", "venv", $Venv)
    } else {
        Invoke-Checked "py" @("-3.11", "-m", "venv", $Venv)
    }
}
Invoke-Checked $Py @("-m", "pip", "install", "-q", "--upgrade", "pip")
Invoke-Checked $Py @("-m", "pip", "install", "-q", "-c", "build\constraints.txt", "-e", ".[street,bundle]")

Write-Host "== Translations"
Invoke-Checked (Join-Path $Venv "Scripts\pyside6-lrelease.exe") @(
    "-silent", "resources\translations\shuren_zh_CN.ts",
    "-qm", "resources\translations\shuren_zh_CN.qm")

Write-Host "== Bundles (PyInstaller)"
# PyInstaller's working files go to the temporary folder, not into build\ (our sources).
$Work = Join-Path $env:TEMP "shuren-pyinstaller"
Invoke-Checked $Py @("-m", "PyInstaller", "--noconfirm", "--clean",
    "--distpath", $Dist, "--workpath", $Work, "build\shuren.spec")

Write-Host "== Self-test of the bundle"
# Start-Process waits for the program whether it is built as a console or a window program.
# shuren-cli.exe is the console twin of shuren.exe (a window program prints nothing).
$Exe = Join-Path $Dist "shuren\shuren-cli.exe"
$SelfTest = Start-Process -FilePath $Exe -ArgumentList "self-test" -Wait -PassThru -NoNewWindow
if ($SelfTest.ExitCode -ne 0) { throw "shuren-cli.exe self-test failed (exit code $($SelfTest.ExitCode))" }

Write-Host "== Installer (NSIS)"
$Version = (& $Py -c "import importlib.metadata as m; print(m.version('shuren-xiaoqu'))").Trim()
if ($LASTEXITCODE -ne 0) { throw "the project's version could not be read" }
$Setup = Join-Path $Dist "shuren-xiaoqu-$Version-setup.exe"
# makensis resolves relative paths from the script's folder: give it absolute ones.
Invoke-Checked (Find-Makensis) @("-V2", "-WX", "-INPUTCHARSET", "UTF8",
    "-DBUNDLE=$(Join-Path $Dist 'shuren')", "-DVERSION=$Version", "-DOUTFILE=$Setup",
    "build\windows\shuren.nsi")

Write-Host "Done:"
Write-Host "  $(Join-Path $Dist 'shuren')         the program (one folder)"
Write-Host "  $(Join-Path $Dist 'shuren-street')  the street office's receiver (one folder)"
Write-Host "  $Setup"
