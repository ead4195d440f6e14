// The failed build must say why, naming both fixes; a generic failure would not pass this.
def log = new File(basedir, 'build.log').text
def expected = "no device on adb server 127.0.0.1:15039 (from ANDROID_ADB_SERVER_PORT) (connection refused), " +
    "and no embedded virtual device is on the class path; either attach a phone (USB or 'adb connect host:port', " +
    "then check 'adb devices'; ANDROID_ADB_SERVER_PORT or stormproof.adb.servers for another adb server), " +
    "or add dev.stormproof:stormproof-virtual-device in test scope"
assert log.contains(expected) : "build.log lacks the no-device message:\n" + expected
assert log.contains('Tests run: 1, Failures: 0, Errors: 1') : 'the one test must error out'
return true
