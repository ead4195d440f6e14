// Both invocations (invoker.properties) ran the tests, each on its own JUnit.
def log = new File(basedir, 'build.log').text
['5.13.4', '5.14.4'].each { v ->
  assert log.contains("[consumer] Java ") && log =~ /\[consumer\] Java \d+, JUnit ${java.util.regex.Pattern.quote(v)},/ : "no test ran on JUnit ${v}"
}
assert log.count('Tests run: 6, Failures: 0, Errors: 0, Skipped: 0') >= 2
return true
