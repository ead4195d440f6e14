package dev.stormproof.device.virtual;

import java.util.ServiceLoader;

/** Where the {@link VirtualDevice} gets its app when the options name none. */
final class VirtualApps {

  private VirtualApps() {
  }

  /**
   * The first {@link VirtualApp} registered with {@link ServiceLoader}
   * ({@code META-INF/services/dev.stormproof.device.virtual.VirtualApp}), else
   * {@link #blank()}. A new instance per call.
   */
  public static VirtualApp defaultApp() {
    return ServiceLoader.load(VirtualApp.class, VirtualApps.class.getClassLoader()).findFirst().orElseGet(VirtualApps::blank);
  }

  /** A plain coloured screen that counts the input it receives; see {@link BlankApp}. */
  public static VirtualApp blank() {
    return new BlankApp();
  }
}
