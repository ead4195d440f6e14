package dev.stormproof.device.adb;

import dev.stormproof.device.DeviceNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns {@link DeviceOptions} into the ADB devices of a run: asks every configured adb server for
 * its online devices, merges them into one list (a serial listed by several servers is used
 * once, through the first), and picks the selected ones. Embedded virtual devices are not its
 * business: an empty result under {@link DeviceOptions#auto()} or
 * {@link DeviceOptions#virtualOnly()} tells the caller to start them.
 */
public final class DeviceSelector {

  private DeviceSelector() {}

  /**
   * Opens handles (lazily connecting) to the selected devices; the caller owns and closes them.
   *
   * @throws DeviceNotFoundException when a selected serial is on no server (and is not a
   *     {@code host:port} to connect to directly), when {@code any} finds no device, or when an
   *     explicitly configured adb server does not answer
   */
  public static List<AdbDevice> select(DeviceOptions options) {
    if (options.virtualOnly()) {
      return List.of();
    }
    boolean explicitServers = !options.servers().equals(DeviceOptions.parseServers("", DeviceOptions.DEFAULT_SERVERS));
    Map<String, DeviceOptions.HostPort> online = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (DeviceOptions.HostPort server : options.servers()) {
      String host = server.host().equalsIgnoreCase("localhost") ? "127.0.0.1" : server.host();
      try {
        for (AdbServerClient.Entry e : AdbServerClient.devices(host, server.port(), options.adb().connectTimeout())) {
          if (e.online()) {
            online.putIfAbsent(e.serial(), server);
          } else {
            problems.add(e.serial() + " is " + e.state() + " on " + server);
          }
        }
      } catch (IOException e) {
        if (explicitServers) {
          throw new DeviceNotFoundException("adb server " + server + " (from stormproof.adb.servers) does not answer: " + e.getMessage()
              + "; start it with 'adb -P " + server.port() + " start-server' or remove it from stormproof.adb.servers", e);
        }
      }
    }
    List<AdbDevice> out = new ArrayList<>();
    List<String> wanted = options.serials();
    if (wanted.isEmpty()) {
      if (!options.auto() && online.isEmpty()) {
        throw new DeviceNotFoundException("stormproof.device=any but no adb server lists an online device (asked "
            + options.servers() + (problems.isEmpty() ? "" : "; " + String.join(", ", problems))
            + "); attach a device, fix stormproof.adb.servers, or use stormproof.device=virtual");
      }
      online.forEach((serial, server) -> out.add(AdbDevice.viaServer(server.host(), server.port(), serial, options.adb())));
      return out;
    }
    for (String serial : wanted) {
      DeviceOptions.HostPort server = online.get(serial);
      if (server != null) {
        out.add(AdbDevice.viaServer(server.host(), server.port(), serial, options.adb()));
      } else if (serial.matches("[^:\\s]+:\\d+")) {
        int colon = serial.lastIndexOf(':');
        out.add(AdbDevice.direct(serial.substring(0, colon), Integer.parseInt(serial.substring(colon + 1)), options.adb()));
      } else {
        out.forEach(AdbDevice::close);
        throw new DeviceNotFoundException("device " + serial + " is not online on any adb server (asked " + options.servers()
            + ", online: " + (online.isEmpty() ? "none" : String.join(", ", online.keySet()))
            + (problems.isEmpty() ? "" : "; " + String.join(", ", problems))
            + "); check 'adb devices', stormproof.device, ANDROID_SERIAL and stormproof.adb.servers");
      }
    }
    return out;
  }
}
