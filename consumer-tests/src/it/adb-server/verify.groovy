// The tests ran against the device behind the adb server, not an embedded one.
def serial = new File(basedir, 'device.serial').text.trim()
def log = new File(basedir, 'build.log').text
def expected = "[stormproof] devices: ${serial} on adb server 127.0.0.1:15037 (from ANDROID_ADB_SERVER_PORT)"
assert log.contains(expected) : "build.log lacks: ${expected}"
assert !log.contains('started the embedded virtual device')
def adb = ['which', 'adb'].execute().text.trim()
new ProcessBuilder(adb, '-P', '15037', 'kill-server').start().waitFor()
ProcessHandle.of(Long.parseLong(new File(basedir, 'device.pid').text.trim())).ifPresent { it.destroy() }
return true
