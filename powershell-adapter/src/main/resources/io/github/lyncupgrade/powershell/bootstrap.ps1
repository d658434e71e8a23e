# lync-upgrade bootstrap, protocol 1: defines __Invoke, which runs one SDK script with its values
# as data and writes the reply between markers. See Wire.java for the protocol.
$ProgressPreference = 'SilentlyContinue'
$ConfirmPreference = 'None'
$InformationPreference = 'SilentlyContinue'
[Console]::OutputEncoding = New-Object System.Text.UTF8Encoding $false
$global:LyncUpgradeSessions = @{}

function global:__B64([object]$value) {
  [Convert]::ToBase64String([System.Text.Encoding]::UTF8.GetBytes([string]$value))
}

function global:__Text([string]$base64) {
  [System.Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($base64))
}

function global:__Emit([string]$line) {
  [Console]::Out.WriteLine($line)
}

# One remote session per server, reused; Get-CsPoolUpgradeReadinessState only runs locally on a Front End.
function global:__Session([string]$server) {
  $session = $global:LyncUpgradeSessions[$server]
  if ($null -eq $session -or $session.State -ne 'Opened') {
    $options = New-PSSessionOption -OpenTimeout 60000 -OperationTimeout 0 -IdleTimeout 7200000
    $session = New-PSSession -ComputerName $server -SessionOption $options
    $global:LyncUpgradeSessions[$server] = $session
  }
  $session
}

function global:__Invoke([string]$id, [string]$script, [string]$parameters) {
  $p = @{}
  if ($parameters) {
    foreach ($pair in $parameters.Split(',')) {
      $nameAndValue = $pair.Split(':', 2)
      $p[$nameAndValue[0]] = __Text $nameAndValue[1]
    }
  }
  __Emit "<<<LYNCSDK:BEGIN:$id>>>"
  $status = 'OK'
  $index = 0
  try {
    $ErrorActionPreference = 'Stop'
    $global:LASTEXITCODE = $null
    $block = [ScriptBlock]::Create((__Text $script))
    foreach ($item in @(& $block $p *>&1)) {
      if ($item -is [System.Management.Automation.ErrorRecord]) {
        $status = 'ERROR'
        __Emit ("E`t$index`tMessage`t" + (__B64 $item.ToString()))
        __Emit ("E`t$index`tFullyQualifiedErrorId`t" + (__B64 $item.FullyQualifiedErrorId))
      } elseif ($item -is [System.Management.Automation.WarningRecord]) {
        __Emit ("W`t$index`tMessage`t" + (__B64 $item.Message))
      } elseif ($item -is [System.Management.Automation.InformationalRecord] -or
                $item -is [System.Management.Automation.InformationRecord]) {
        continue
      } else {
        foreach ($property in $item.PSObject.Properties) {
          __Emit ("O`t$index`t" + $property.Name + "`t" + (__B64 $property.Value))
        }
      }
      $index++
    }
    if ($null -ne $global:LASTEXITCODE) {
      __Emit ("X`t0`tExitCode`t" + (__B64 $global:LASTEXITCODE))
    }
  } catch {
    $status = 'ERROR'
    __Emit ("E`t$index`tMessage`t" + (__B64 $_.ToString()))
    __Emit ("E`t$index`tFullyQualifiedErrorId`t" + (__B64 $_.FullyQualifiedErrorId))
  }
  __Emit "<<<LYNCSDK:END:${id}:$status>>>"
  [Console]::Out.Flush()
}
