# Installs DuLuan as a Windows service from the unpacked win-x64 release (run in an elevated PowerShell from the
# unpacked folder). Built and packaged on Linux; this script was not run on Windows by the project (docs/install.md).
#   .\install-service.ps1                       SQLite in C:\ProgramData\DuLuan
#   .\install-service.ps1 -Postgres             PostgreSQL: set DULUAN_Database__ConnectionString first (see below)
param(
    [string]$InstallDir = "$env:ProgramFiles\DuLuan",
    [string]$DataDir = "$env:ProgramData\DuLuan",
    [string]$Urls = "http://127.0.0.1:5080",
    [switch]$Postgres
)
$ErrorActionPreference = "Stop"
$service = "DuLuan"
$account = "NT SERVICE\$service"

New-Item -ItemType Directory -Force -Path $InstallDir, $DataDir | Out-Null
Copy-Item -Recurse -Force -Path (Join-Path $PSScriptRoot "*") -Destination $InstallDir
$exe = Join-Path $InstallDir "duluan.exe"

if ($Postgres) {
    # The service reads the same DULUAN_* settings as on Linux, from its own environment (registry, not a file).
    $connection = Read-Host "DULUAN_Database__ConnectionString"
    $env:DULUAN_Database__Provider = "Postgres"
    $env:DULUAN_Database__ConnectionString = $connection
    $arguments = "serve --urls $Urls"
    $migrate = @("migrate")
    $environment = @("DULUAN_Database__Provider=Postgres", "DULUAN_Database__ConnectionString=$connection")
} else {
    $arguments = "serve --data `"$DataDir`" --urls $Urls"
    $migrate = @("migrate", "--data", $DataDir)
    $environment = @()
}

sc.exe create $service binPath= "`"$exe`" $arguments" start= delayed-auto obj= $account DisplayName= "DuLuan" | Out-Null
if ($LASTEXITCODE -ne 0) { throw "sc.exe create failed ($LASTEXITCODE)" }
sc.exe description $service "DuLuan - public-opinion workbench" | Out-Null
sc.exe failure $service reset= 86400 actions= restart/5000/restart/5000/restart/60000 | Out-Null
if ($environment.Count -gt 0) {
    Set-ItemProperty -Path "HKLM:\SYSTEM\CurrentControlSet\Services\$service" -Name Environment -Type MultiString -Value $environment
}
# The service's virtual account (it exists once the service does) may change the data folder and nothing else.
icacls $DataDir /grant "${account}:(OI)(CI)M" /T | Out-Null

& $exe @migrate
if ($LASTEXITCODE -ne 0) { throw "duluan migrate failed ($LASTEXITCODE)" }
Start-Service $service
Write-Host "DuLuan runs as the service $service at $Urls. First administrator:"
Write-Host "  & `"$exe`" users add --email you@office.vn --data `"$DataDir`""
