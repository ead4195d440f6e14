package dev.stormproof.junit;

import dev.stormproof.device.Device;
import dev.stormproof.device.DevicePool;
import dev.stormproof.leak.Owner;
import dev.stormproof.report.ScreenMemory;
import dev.stormproof.report.StepMode;
import dev.stormproof.tap.ActionReport;
import dev.stormproof.vision.TemplateLibrary;
import dev.stormproof.vision.TextOptions;
import dev.stormproof.vision.Vision;
import dev.stormproof.vision.VisionOptions;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.StoreScope;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The extension behind {@link OnDevice}: validates fields, leases a device before each test,
 * injects it into fields and parameters, and releases it after the test. State lives only in
 * the test's store ({@link #NAMESPACE}) and, run-wide, in the launcher session's store.
 */
final class OnDeviceExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver,
    InvocationInterceptor {

  static final Namespace NAMESPACE = Namespace.create("dev.stormproof.junit", "OnDevice");
  private static final Namespace RUN = Namespace.create(RunResources.NAMESPACE_PART_1, RunResources.NAMESPACE_PART_2);
  private static final String DEVICE_KEY = "device";

  private static final String VISION_KEY = "vision";

  private final List<Resolver> resolvers = List.of(new DeviceResolver(), new VisionResolver());

  @Override
  public void beforeAll(ExtensionContext context) {
    validateFields(context.getRequiredTestClass());
  }

  @Override
  public void beforeEach(ExtensionContext context) throws IllegalAccessException {
    screenshotPolicy(context);
    stepMode(context);
    List<Object> instances = context.getRequiredTestInstances().getAllInstances();
    for (Object instance : instances) {
      validateFields(instance.getClass());
      validateSharedInstance(instance.getClass(), context);
    }
    TestDevice testDevice = lease(context);
    for (Object instance : instances) {
      for (Field f : injectableFields(instance.getClass())) {
        f.setAccessible(true);
        f.set(instance, resolverFor(f.getType()).resolve(context));
      }
    }
    DeviceRuntime runtime = runtime(context);
    runtime.reports().label("device", testDevice.device().serial());
    runtime.reports().label("device.model", testDevice.device().model());
    runtime.reports().label("device.resolution", testDevice.device().screenSize().toString());
  }

  @Override
  public void afterEach(ExtensionContext context) throws IllegalAccessException {
    // Order matters: tasks may still use the Vision and the device, the Vision the device.
    try {
      TaskScopeExtension.closeScope(context);
    } finally {
      TestDevice device = context.getStore(NAMESPACE).get(DEVICE_KEY, TestDevice.class);
      if (device != null) {
        device.actions().flush(null);
        DeviceEvidence.afterTest(context, device, runtime(context).reports());
      }
      attachFinalScreen(context);
      VisionHolder vision = context.getStore(NAMESPACE).remove(VISION_KEY, VisionHolder.class);
      attachCounters(context, device, vision);
      if (vision != null) {
        vision.close();
      }
      if (device != null) {
        device.actions().screens().clear();
      }
      releaseDevice(context);
    }
  }

  /**
   * Reports the arguments of a parameterized (or other template) invocation as report
   * parameters, named as in the source when compiled with {@code -parameters}; what Stormproof
   * injects (device, vision, tasks, matches) is not a parameter.
   */
  @Override
  public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
      ExtensionContext context) throws Throwable {
    Parameter[] declared = call.getExecutable().getParameters();
    List<Object> args = call.getArguments();
    for (int i = 0; i < declared.length && i < args.size(); i++) {
      String type = declared[i].getType().getName();
      if (type.startsWith("dev.stormproof.") || declared[i].getType().getName().startsWith("org.junit.")) {
        continue;
      }
      String name = declared[i].isNamePresent() ? declared[i].getName() : "argument " + (i + 1);
      String value = String.valueOf(args.get(i));
      runtime(context).reports().parameter(name, value.length() <= 200 ? value : value.substring(0, 199) + "…");
    }
    invocation.proceed();
  }

  private void releaseDevice(ExtensionContext context) throws IllegalAccessException {
    // Drop the handles from (possibly per-class) instances so nothing taps after the lease.
    for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
      for (Field f : injectableFields(instance.getClass())) {
        f.setAccessible(true);
        f.set(instance, null);
      }
    }
    TestDevice testDevice = context.getStore(NAMESPACE).remove(DEVICE_KEY, TestDevice.class);
    if (testDevice != null) {
      testDevice.close();
    }
  }

  private TestDevice lease(ExtensionContext context) {
    Owner.Binding binding = Owner.current().equals(Owner.NONE) ? Owner.bind(context.getUniqueId()) : null;
    try {
      DevicePool.Lease lease = runtime(context).pool().lease(Owner.current());
      ActionReport actions = new ActionReport(runtime(context).reports(), stepMode(context), new ScreenMemory(),
          Thread.currentThread());
      TestDevice testDevice = new TestDevice(lease, binding, actions);
      context.getStore(NAMESPACE).put(DEVICE_KEY, testDevice);
      return testDevice;
    } catch (RuntimeException e) {
      if (binding != null) {
        binding.close();
      }
      throw e;
    }
  }

  static DeviceRuntime runtime(ExtensionContext context) {
    RunResources resources = context.getStore(StoreScope.LAUNCHER_SESSION, RUN)
        .getOrComputeIfAbsent(RunResources.KEY, k -> new RunResources(), RunResources.class);
    return resources.devices(context::getConfigurationParameter);
  }

  /**
   * Attaches the screen as the test left it ({@code stormproof.report.screenshot}: {@code always}
   * (default), {@code failed} or {@code never}). A device that cannot capture any more (the
   * failure may be a lost device) is noted in the report, never a second failure.
   */
  private static void attachFinalScreen(ExtensionContext context) {
    String when;
    try {
      when = screenshotPolicy(context);
    } catch (ExtensionConfigurationException e) {
      return; // already reported by beforeEach; clean-up must not fail on it
    }
    TestDevice device = context.getStore(NAMESPACE).get(DEVICE_KEY, TestDevice.class);
    boolean failed = context.getExecutionException().isPresent();
    if (device == null || when.equals("never") || (when.equals("failed") && !failed)) {
      return;
    }
    DeviceRuntime runtime = runtime(context);
    try {
      dev.stormproof.device.Screenshot shot = device.unreported().screenshot();
      // Full size where it is evidence; half size for a passing test keeps the report small.
      byte[] jpeg = failed ? shot.toJpeg(0.85f)
          : dev.stormproof.report.Pictures.jpeg(dev.stormproof.report.Pictures.thumbnail(shot, shot.size().width() / 2), 0.8f);
      runtime.reports().attach(failed ? "screen when the test failed" : "screen at the end of the test",
          "image/jpeg", "jpg", jpeg);
    } catch (RuntimeException e) {
      runtime.reports().event("no final screenshot: " + e.getMessage());
    }
  }

  /**
   * Framework counters (the Vision's cache statistics, shell calls, frames, bursts) as one text
   * attachment: they tell QA how the test used the device, but are not steps of its story.
   */
  private static void attachCounters(ExtensionContext context, TestDevice device, VisionHolder vision) {
    StringBuilder text = new StringBuilder();
    if (vision != null) {
      // The result cache's hit rate, for QA tuning poll intervals and waits.
      text.append("vision: ").append(vision.vision().stats()).append('\n');
    }
    if (device != null) {
      text.append(device.actions().counters());
    }
    if (text.length() > 0) {
      runtime(context).reports().attach("stormproof counters", "text/plain", "txt",
          text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  /** {@code stormproof.report.steps}, checked before the test. */
  private static StepMode stepMode(ExtensionContext context) {
    try {
      return StepMode.parse(context.getConfigurationParameter(StepMode.KEY).orElse("screens"));
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException("@OnDevice on [" + context.getRequiredTestClass().getSimpleName()
          + "]: " + e.getMessage(), e);
    }
  }

  /** {@code stormproof.report.screenshot}, checked before the test so clean-up never fails on it. */
  private static String screenshotPolicy(ExtensionContext context) {
    String when = context.getConfigurationParameter("stormproof.report.screenshot").orElse("always").trim();
    if (!when.equals("always") && !when.equals("failed") && !when.equals("never")) {
      throw new ExtensionConfigurationException("@OnDevice on [" + context.getRequiredTestClass().getSimpleName()
          + "]: stormproof.report.screenshot must be always, failed or never, but it is '" + when
          + "'; fix it in junit-platform.properties or -D");
    }
    return when;
  }

  /**
   * Drops the test's queued taps now and refuses its later ones from threads other than
   * {@code allowed} (its tasks); a no-op when the test has no device. Called on failure.
   */
  static void cancelTaps(ExtensionContext context, Thread allowed) {
    TestDevice device = context.getStore(NAMESPACE).get(DEVICE_KEY, TestDevice.class);
    if (device != null) {
      int dropped = device.fenceTaps(allowed);
      runtime(context).reports().event("the test failed: its tasks were cancelled and " + dropped
          + " queued tap(s) dropped; later taps of its tasks are refused");
    }
  }

  /** Whether {@code @OnDevice} leased a device for this test (its beforeEach ran). */
  static boolean activeFor(ExtensionContext context) {
    return context.getStore(NAMESPACE).get(DEVICE_KEY, TestDevice.class) != null;
  }

  /**
   * The test's {@link Vision}, opened on first use over the leased (rate-limited) device, owned by
   * the test's unique id, with templates from the run-wide library. Closed in afterEach.
   */
  static Vision vision(ExtensionContext context) {
    TestDevice device = testDevice(context);
    return context.getStore(NAMESPACE).getOrComputeIfAbsent(VISION_KEY, k -> {
      VisionOptions options = visionOptions(context);
      TemplateLibrary library = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(TemplateLibraryHolder.class,
          c -> new TemplateLibraryHolder(TemplateLibrary.open(context.getRequiredTestClass().getClassLoader(), options,
              StormproofLedger.of(context), "run/templates")), TemplateLibraryHolder.class).library;
      return new VisionHolder(Vision.open(device.device(), library, options, StormproofLedger.of(context),
          context.getUniqueId(), runtime(context).reports()).textOptions(textOptions(context)));
    }, VisionHolder.class).vision;
  }

  private static VisionOptions visionOptions(ExtensionContext context) {
    try {
      return VisionOptions.fromConfig(context::getConfigurationParameter);
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException("@OnDevice on [" + context.getRequiredTestClass().getSimpleName()
          + "]: " + e.getMessage(), e);
    }
  }

  private static TextOptions textOptions(ExtensionContext context) {
    try {
      return TextOptions.fromConfig(context::getConfigurationParameter);
    } catch (IllegalArgumentException e) {
      throw new ExtensionConfigurationException("@OnDevice on [" + context.getRequiredTestClass().getSimpleName()
          + "]: a stormproof.text.* configuration parameter is invalid: " + e.getMessage(), e);
    }
  }

  static TestDevice testDevice(ExtensionContext context) {
    TestDevice d = context.getStore(NAMESPACE).get(DEVICE_KEY, TestDevice.class);
    if (d == null) {
      throw new IllegalStateException("no device is leased for " + context.getUniqueId() + " (the @OnDevice beforeEach did not run)");
    }
    return d;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return resolverFor(parameter.getParameter().getType()) != null;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> declared = parameter.getParameter().getType();
    Resolver resolver = resolverFor(declared);
    String where = "@OnDevice on [" + describe(parameter) + "]: ";
    Executable executable = parameter.getDeclaringExecutable();
    String name = declared.getSimpleName();
    if (executable instanceof Constructor<?>) {
      throw new ParameterResolutionException(where + "a " + name + " is leased per test, but this is a constructor parameter; "
          + "take the " + name + " as a parameter of a @BeforeEach or @Test method, or in an instance field");
    }
    if (context.getTestMethod().isEmpty()) {
      String kind = executable.isAnnotationPresent(BeforeAll.class) ? "@BeforeAll" : executable.isAnnotationPresent(AfterAll.class) ? "@AfterAll" : "class-level";
      throw new ParameterResolutionException(where + "a " + name + " is leased per test, but " + executable.getName() + " is " + kind
          + ", which runs once per class; take the " + name + " as a parameter of a @BeforeEach, @Test or @AfterEach method");
    }
    if (declared != resolver.type()) {
      throw new ParameterResolutionException(where + "injected values are declared as " + resolver.type().getSimpleName()
          + ", but this parameter is " + name + "; declare it as " + resolver.type().getSimpleName());
    }
    String rejected = resolver.reject(parameter, context);
    if (rejected != null) {
      throw new ParameterResolutionException(where + rejected);
    }
    try {
      return resolver.resolve(context);
    } catch (ExtensionConfigurationException e) {
      // As is: JUnit would bury any other exception in "Failed to resolve parameter [...]".
      throw new ParameterResolutionException(e.getMessage(), e);
    }
  }

  private Resolver resolverFor(Class<?> declared) {
    for (Resolver r : resolvers) {
      if (r.claims(declared)) {
        return r;
      }
    }
    return null;
  }

  private List<Field> injectableFields(Class<?> type) {
    List<Field> out = new ArrayList<>();
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (resolverFor(f.getType()) != null && !Modifier.isStatic(f.getModifiers()) && !Modifier.isFinal(f.getModifiers())) {
          out.add(f);
        }
      }
    }
    return out;
  }

  private void validateFields(Class<?> type) {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        Resolver r = resolverFor(f.getType());
        if (r == null || f.isSynthetic()) {
          continue;
        }
        String where = "@OnDevice on [field " + c.getSimpleName() + "." + f.getName() + "]: ";
        String name = f.getType().getSimpleName();
        boolean isStatic = Modifier.isStatic(f.getModifiers());
        boolean isFinal = Modifier.isFinal(f.getModifiers());
        if (isStatic || isFinal) {
          String actual = isStatic && isFinal ? "static final" : isStatic ? "static" : "final";
          throw new ExtensionConfigurationException(where + "a " + name + " field must be a non-static, non-final instance field, but it is "
              + actual + "; remove " + actual + " (each test leases its own device and Stormproof assigns the field before each test)");
        }
        if (f.getType() != r.type()) {
          throw new ExtensionConfigurationException(where + "injected fields are declared as " + r.type().getSimpleName()
              + ", but this field is " + name + "; declare it as " + r.type().getSimpleName());
        }
      }
    }
  }

  // A per-class instance run concurrently is shared by parallel tests: one field cannot hold two leases.
  private void validateSharedInstance(Class<?> type, ExtensionContext context) {
    // getExecutionMode() reports the declared mode even when parallel execution is off.
    boolean parallel = context.getConfigurationParameter("junit.jupiter.execution.parallel.enabled").map(Boolean::parseBoolean).orElse(false);
    if (!parallel || context.getTestInstanceLifecycle().orElse(null) != TestInstance.Lifecycle.PER_CLASS
        || context.getExecutionMode() != ExecutionMode.CONCURRENT) {
      return;
    }
    List<Field> fields = injectableFields(type);
    if (!fields.isEmpty()) {
      Field f = fields.get(0);
      throw new ExtensionConfigurationException("@OnDevice on [field " + f.getDeclaringClass().getSimpleName() + "." + f.getName()
          + "]: a Device field needs its own test instance per test, but " + type.getSimpleName()
          + " uses @TestInstance(PER_CLASS) and runs tests concurrently, so parallel tests would overwrite it; "
          + "take the Device as a test method parameter, or annotate the class with @Execution(SAME_THREAD)");
    }
  }

  private static String describe(ParameterContext parameter) {
    Executable e = parameter.getDeclaringExecutable();
    String owner = e.getDeclaringClass().getSimpleName();
    String of = e instanceof Constructor<?> ? "constructor " + owner : owner + "." + e.getName();
    return "parameter " + parameter.getIndex() + " (" + parameter.getParameter().getType().getSimpleName() + ") of " + of;
  }

  /** Injects the test's Vision (opened on first use). */
  private static final class VisionResolver implements Resolver {
    @Override
    public Class<?> type() {
      return Vision.class;
    }

    @Override
    public Object resolve(ExtensionContext context) {
      return vision(context);
    }
  }

  /** Store value: closes the test's Vision if afterEach did not run. */
  private record VisionHolder(Vision vision) implements AutoCloseable {
    @Override
    public void close() {
      vision.close();
    }
  }

  /** Root-store value: the run's template cache, closed when the engine's execution ends. */
  private record TemplateLibraryHolder(TemplateLibrary library) implements AutoCloseable {
    @Override
    public void close() {
      library.close();
    }
  }

  /** Injects the leased, rate-limited device. */
  private static final class DeviceResolver implements Resolver {
    @Override
    public Class<?> type() {
      return Device.class;
    }

    @Override
    public Object resolve(ExtensionContext context) {
      return testDevice(context).device();
    }
  }
}
