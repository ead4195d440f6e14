// The quickstart ran on the embedded device (no phone here) and said so; on Java 21+ tasks were virtual.
def log = new File(basedir, 'build.log').text
assert log.contains('started the embedded virtual device') : 'the run did not say which device it picked'
def m = log =~ /\[consumer\] Java (\d+), JUnit ([^,]+), task thread (.*)/
assert m.find() : 'TaskThreadsTest did not run'
def java = m.group(1) as int
assert (java >= 21) == m.group(3).startsWith('VirtualThread') : "Java ${java}: task thread ${m.group(3)}"
return true
