package dev.stormproof.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test class or method on a device and injects it.
 *
 * <p><b>What.</b> Each test leases one device exclusively from the run's device pool and gets it
 * as a {@link dev.stormproof.device.Device} parameter (of the test method, {@code @BeforeEach} or
 * {@code @AfterEach}) and in every non-static, non-final instance field of type {@code Device}.
 * The injected handle rate-limits {@code tap} through the device's
 * {@link dev.stormproof.tap.TapQueue} ({@code tap} blocks until delivered and rethrows a delivery
 * failure). The test is labelled {@code device} (serial) and {@code device.model} in the report.
 *
 * <p><b>Which devices.</b> Set by configuration parameters ({@code junit-platform.properties} or
 * {@code -D}): {@code stormproof.device}, {@code stormproof.adb.servers}, {@code ANDROID_SERIAL},
 * {@code stormproof.device.leaseTimeout}, {@code stormproof.device.virtualCount}, the
 * {@code stormproof.adb.*}, {@code stormproof.tap.*} and {@code stormproof.virtual.*} keys (see
 * {@link dev.stormproof.device.adb.DeviceOptions}, {@link dev.stormproof.device.adb.AdbOptions},
 * {@link dev.stormproof.tap.TapOptions}). With nothing configured and no device attached, an
 * embedded virtual device starts.
 *
 * <p><b>Scope and clean-up.</b> Devices, their connections and queues live for the whole run
 * (started on first use, closed when the launcher session ends); the lease lives for one test:
 * after the test its queued taps are cancelled and the device returns to the pool.
 *
 * <p><b>Exceptions.</b> Misuse fails before the test body with
 * {@code ExtensionConfigurationException} or {@code ParameterResolutionException}: a static or
 * final {@code Device} field, a {@code Device} parameter of a constructor or a
 * {@code @BeforeAll}/{@code @AfterAll} method (leases are per test), a parameter or field
 * declared as a {@code Device} subtype, a {@code Device} field of a
 * {@code @TestInstance(PER_CLASS)} class whose tests run concurrently. Waiting longer than the lease timeout for a free device fails the test
 * with a {@code DeviceTimeoutException} naming the devices and their holders. A {@code Device}
 * or {@code Vision} parameter of a test without {@code @OnDevice} fails with the fix when
 * {@code @LeakGuard} or {@code @ExpectTemplate} is present; with no Stormproof annotation at all
 * it gets JUnit's own "No ParameterResolver registered" error (no extension is active there).
 *
 * <p><b>Thread safety.</b> The injected device may be used from any thread the test starts,
 * until the test ends.
 *
 * <p>Example:
 * <pre>{@code
 * @OnDevice
 * class LobbyTest {
 *   @Test
 *   void opensTheShop(Device device, Vision vision) {
 *     device.startApp("com.example.game/.MainActivity");
 *     vision.tap("lobby/shop.png");
 *     vision.waitFor("shop/title.png");
 *   }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
// TaskScopeExtension second: JUnit runs after-callbacks in reverse, so tasks stop before the
// device's Vision closes (OnDeviceExtension also closes the scope first, whatever the order).
@ExtendWith({OnDeviceExtension.class, TaskScopeExtension.class})
public @interface OnDevice {}
