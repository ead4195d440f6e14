// Starts what a phone user has: a real adb server (non-default port) with a device connected to it.
// The device is the standalone virtual device in its own JVM, started the way the README shows.
// Both are stopped by verify.groovy, and by a shutdown hook if the build fails before that.
import java.util.concurrent.TimeUnit

def adbPort = '15037'
def adb = ['which', 'adb'].execute().text.trim()
if (!adb) {
  throw new IllegalStateException("adb is not installed: apt-get install -y adb")
}
def run = { List<String> cmd ->
  def p = new ProcessBuilder(cmd).redirectErrorStream(true).start()
  def out = p.inputStream.text
  if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
    throw new IllegalStateException("${cmd.join(' ')} failed: ${out}")
  }
  return out
}
run([adb, '-P', adbPort, 'kill-server']) // a server left over from an earlier run would list its devices too
run([adb, '-P', adbPort, 'start-server'])

def classpath = new File(virtualDeviceClasspath).text.trim()
def java = System.getProperty('java.home') + '/bin/java'
def device = new ProcessBuilder(java, '-cp', classpath, 'dev.stormproof.device.virtual.VirtualDeviceMain', '--port', '0')
    .redirectErrorStream(true).start()
Runtime.runtime.addShutdownHook(new Thread({
  device.destroy()
  new ProcessBuilder(adb, '-P', adbPort, 'kill-server').start().waitFor(10, TimeUnit.SECONDS)
}))
// The launcher prints "adb connect 127.0.0.1:PORT" once it listens.
def reader = new BufferedReader(new InputStreamReader(device.inputStream))
def serial = null
def line
while (serial == null && (line = reader.readLine()) != null) {
  println "[virtual device] ${line}"
  if (line.startsWith('adb connect ')) {
    serial = line.substring('adb connect '.length()).trim()
  }
}
if (serial == null) {
  throw new IllegalStateException("the virtual device exited before listening (exit ${device.waitFor()})")
}
Thread.startDaemon('virtual-device-log') { reader.eachLine { println "[virtual device] ${it}" } }
def connected = run([adb, '-P', adbPort, 'connect', serial])
println "[setup] ${connected.trim()}"
run(['timeout', '60', adb, '-P', adbPort, '-s', serial, 'wait-for-device'])
new File(basedir, 'device.serial').text = serial
new File(basedir, 'device.pid').text = String.valueOf(device.pid())
println "[setup] ${serial} is online on adb server 127.0.0.1:${adbPort}"
return true
