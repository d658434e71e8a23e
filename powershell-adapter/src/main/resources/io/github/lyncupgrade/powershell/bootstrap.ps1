# lync-upgrade bootstrap, protocol 2: defines __Invoke, which runs one SDK script with its values
# as data and writes the reply between markers, every value with its type. See Wire.java.
$ProgressPreference = 'SilentlyContinue'
$ConfirmPreference = 'None'
$InformationPreference = 'SilentlyContinue'
[Console]::OutputEncoding = New-Object System.Text.UTF8Encoding $false

# Ctrl-C in the operator's console reaches every process attached to it. The lync-upgrade command
# decides what a Ctrl-C stops (a run stops at its next safe point), so this shell ignores it and a
# cmdlet in flight is never cut off half-way: SetConsoleCtrlHandler(NULL, TRUE) is Windows' switch
# for that. Without it the shell is as it was; the reason is left on standard error for diagnosis.
if ($env:OS -eq 'Windows_NT') {
  try {
    Add-Type -Namespace LyncUpgrade -Name ConsoleControl -MemberDefinition '[System.Runtime.InteropServices.DllImport("kernel32.dll")] public static extern bool SetConsoleCtrlHandler(System.IntPtr handler, bool add);'
    $null = [LyncUpgrade.ConsoleControl]::SetConsoleCtrlHandler([System.IntPtr]::Zero, $true)
  } catch {
    [Console]::Error.WriteLine("lync-upgrade: this shell still takes the console's Ctrl-C: " + $_.Exception.Message)
  }
}

function global:__B64([string]$text) {
  [Convert]::ToBase64String([System.Text.Encoding]::UTF8.GetBytes($text))
}

function global:__Text([string]$base64) {
  [System.Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($base64))
}

function global:__Emit([string]$line) {
  [Console]::Out.WriteLine($line)
}

# One record line: its kind, its object's index, the property's name, the value's first type name
# (empty for $null, so absence is never read as an empty string) and its text.
function global:__Record([string]$kind, [int]$index, [string]$name, [object]$value) {
  if ($null -eq $value) {
    __Emit ("$kind`t$index`t$name`t`t")
  } else {
    __Emit ("$kind`t$index`t$name`t" + @($value.PSObject.TypeNames)[0] + "`t" + (__B64 ([string]$value)))
  }
}

# Helpers the scripts use locally and, defined there by __Open, inside their remote blocks: a value
# as text that stays $null when absent, a list of names joined by commas that stays $null when
# absent, and the probe's view of an object's own properties and their types.
function global:__TextOrNull([object]$value) {
  if ($null -ne $value) { [string]$value }
}

function global:__Names([object]$values) {
  if ($null -ne $values) { (@($values) | ForEach-Object { [string]$_ }) -join ',' }
}

# A property's value as text where the object has the property ('' when its value is $null, as for
# a mirror never configured), and $null where the object has no such property: a property the
# cmdlet does not return stays absent. For local objects (discovery's Test-CsDatabase).
function global:__PropertyText([object]$object, [string]$name) {
  if ($null -ne $object -and $null -ne $object.PSObject.Properties[$name]) { [string]$object.$name }
}

function global:__Shape([string]$of, [object]$object) {
  if ($null -ne $object) {
    foreach ($property in $object.PSObject.Properties) {
      [pscustomobject]@{ Kind = 'Shape'; Of = $of; Property = $property.Name; Type = [string]$property.TypeNameOfValue }
    }
  }
}

# A remote session for one operation, which the script that opens it removes when done: no SDK
# session outlives its operation, so none holds the Lync module open while an installer runs
# (BE-6), the next operation loads the updated module (BE-8), and none is left dead by a restart.
# OperationTimeout is the operation's own bound (never 0, which waits forever on a dead
# connection); IdleTimeout closes the remote shell soon after this process is gone.
function global:__Open([string]$server, [hashtable]$p) {
  $timeout = [int]$p.OperationTimeoutMs
  if ($timeout -le 0) {
    throw "lync-upgrade: no operation timeout was given for the remote session to $server"
  }
  $options = New-PSSessionOption -OpenTimeout 60000 -OperationTimeout $timeout -IdleTimeout 120000
  if ($p.SessionConfiguration) {
    $session = New-PSSession -ComputerName $server -SessionOption $options -ConfigurationName $p.SessionConfiguration
  } else {
    $session = New-PSSession -ComputerName $server -SessionOption $options
  }
  $helpers = 'function global:__TextOrNull {' + ${function:__TextOrNull} + "}`n" +
    'function global:__Names {' + ${function:__Names} + "}`n" + 'function global:__Shape {' + ${function:__Shape} + '}'
  try {
    Invoke-Command -Session $session -ArgumentList $helpers -ScriptBlock {
      param($definitions)
      . ([ScriptBlock]::Create($definitions))
    }
  } catch {
    Remove-PSSession -Session $session
    throw
  }
  $session
}

# Properties remoting adds to every object it returns; they are not the script's.
$global:LyncUpgradeRemotingProperties = @('PSComputerName', 'RunspaceId', 'PSShowComputerName')

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
        __Record 'E' $index 'Message' $item.ToString()
        __Record 'E' $index 'FullyQualifiedErrorId' $item.FullyQualifiedErrorId
      } elseif ($item -is [System.Management.Automation.WarningRecord]) {
        __Record 'W' $index 'Message' $item.Message
      } elseif ($item -is [System.Management.Automation.InformationalRecord] -or
                $item -is [System.Management.Automation.InformationRecord]) {
        continue
      } else {
        foreach ($property in $item.PSObject.Properties) {
          if ($global:LyncUpgradeRemotingProperties -notcontains $property.Name) {
            __Record 'O' $index $property.Name $property.Value
          }
        }
      }
      $index++
    }
    if ($null -ne $global:LASTEXITCODE) {
      __Record 'X' 0 'ExitCode' ([string]$global:LASTEXITCODE)
    }
  } catch {
    $status = 'ERROR'
    __Record 'E' $index 'Message' $_.ToString()
    __Record 'E' $index 'FullyQualifiedErrorId' $_.FullyQualifiedErrorId
  }
  __Emit "<<<LYNCSDK:END:${id}:$status>>>"
  [Console]::Out.Flush()
}
