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
 * once, through the first), and picks the selected ones, saying in words what it found. Embedded
 * virtual devices are not its business: an empty result under {@link DeviceOptions#auto()} lets
 * the {@link dev.stormproof.device.DeviceSelection} fall back to them.
 */
final class DeviceSelector {

  private DeviceSelector() {}

  /**
   * The devices found and what was asked, in words.
   *
   * @param devices handles (lazily connecting) to the selected devices; the caller closes them
   * @param description for example {@code "emulator-5554 on adb server 127.0.0.1:5037"} or
   *     {@code "no device on adb server 127.0.0.1:5037 (connection refused)"}
   */
  public record Found(List<AdbDevice> devices, String description) {
    /** Copies the list. */
    public Found {
      devices = List.copyOf(devices);
    }
  }

  /**
   * Opens handles (lazily connecting) to the selected devices; the caller owns and closes them.
   *
   * @param options which devices and servers
   * @return the handles, possibly none
   * @throws DeviceNotFoundException as {@link #find}
   */
  public static List<AdbDevice> select(DeviceOptions options) {
    return find(options).devices();
  }

  /**
   * Asks the servers and picks the selected devices.
   *
   * @param options which devices and servers
   * @return the devices (possibly none under {@code auto} or {@code virtual}) and what was found
   * @throws DeviceNotFoundException when a selected serial is on no server (and is not a
   *     {@code host:port} to connect to directly), when {@code any} finds no device, or when an
   *     adb server named in {@code stormproof.adb.servers} does not answer
   */
  public static Found find(DeviceOptions options) {
    if (options.virtualOnly()) {
      return new Found(List.of(), "stormproof.device=virtual: adb servers not asked");
    }
    boolean explicitServers = options.serversSource().equals("stormproof.adb.servers");
    // Say where a server came from only when the environment chose it: users forget those.
    String source = explicitServers || options.serversSource().equals("default") ? "" : " (from " + options.serversSource() + ")";
    Map<String, DeviceOptions.HostPort> online = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    Map<String, String> notOnlineProblem = new LinkedHashMap<>();
    List<String> nothing = new ArrayList<>();
    for (DeviceOptions.HostPort server : options.servers()) {
      String host = server.host().equalsIgnoreCase("localhost") ? "127.0.0.1" : server.host();
      try {
        int before = online.size();
        List<String> notOnline = new ArrayList<>();
        for (AdbServerClient.Entry e : AdbServerClient.devices(host, server.port(), options.adb().connectTimeout())) {
          if (e.online()) {
            online.putIfAbsent(e.serial(), server);
          } else {
            problems.add(e.serial() + " is " + e.state() + " on " + server + hint(e.state()));
            notOnlineProblem.putIfAbsent(e.serial(), problems.get(problems.size() - 1));
            notOnline.add(e.serial() + " " + e.state());
          }
        }
        if (online.size() == before) {
          nothing.add("no device on adb server " + server + source + " (" + (notOnline.isEmpty() ? "it lists none" : "it lists " + String.join(", ", notOnline)) + ")");
        }
      } catch (IOException e) {
        if (explicitServers) {
          throw new DeviceNotFoundException("adb server " + server + " (from stormproof.adb.servers) does not answer: " + reason(e)
              + "; start it with 'adb -P " + server.port() + " start-server' or remove it from stormproof.adb.servers", e);
        }
        nothing.add("no device on adb server " + server + source + " (" + reason(e) + ")");
      }
    }
    List<AdbDevice> out = new ArrayList<>();
    List<String> wanted = options.serials();
    if (wanted.isEmpty()) {
      if (!options.auto() && online.isEmpty()) {
        throw new DeviceNotFoundException("stormproof.device=any but no adb server lists an online device (asked "
            + options.servers() + source + (problems.isEmpty() ? "" : "; " + String.join(", ", problems))
            + "); attach a device, fix stormproof.adb.servers, or use stormproof.device=virtual");
      }
      online.forEach((serial, server) -> out.add(AdbDevice.viaServer(server.host(), server.port(), serial, options.adb())));
      return new Found(out, online.isEmpty() ? String.join("; ", nothing) : describe(online, source));
    }
    Map<String, DeviceOptions.HostPort> picked = new LinkedHashMap<>();
    for (String serial : wanted) {
      DeviceOptions.HostPort server = online.get(serial);
      if (server != null) {
        out.add(AdbDevice.viaServer(server.host(), server.port(), serial, options.adb()));
        picked.put(serial, server);
      } else if (notOnlineProblem.containsKey(serial)) {
        // Listed but not usable (unauthorized, offline): a direct connection would only hang.
        out.forEach(AdbDevice::close);
        throw new DeviceNotFoundException("device " + notOnlineProblem.get(serial) + source
            + "; check 'adb devices' once it is fixed");
      } else if (serial.matches("[^:\\s]+:\\d+")) {
        int colon = serial.lastIndexOf(':');
        out.add(AdbDevice.direct(serial.substring(0, colon), Integer.parseInt(serial.substring(colon + 1)), options.adb()));
      } else {
        out.forEach(AdbDevice::close);
        throw new DeviceNotFoundException("device " + serial + " is not online on any adb server (asked " + options.servers() + source
            + ", online: " + (online.isEmpty() ? "none" : String.join(", ", online.keySet()))
            + (problems.isEmpty() ? "" : "; " + String.join(", ", problems))
            + "); check 'adb devices', stormproof.device, ANDROID_SERIAL and stormproof.adb.servers");
      }
    }
    String direct = wanted.stream().filter(s -> !picked.containsKey(s)).map(s -> s + " (direct connection)").reduce((a, b) -> a + ", " + b).orElse("");
    String via = picked.isEmpty() ? "" : describe(picked, source);
    return new Found(out, via.isEmpty() ? direct : direct.isEmpty() ? via : via + "; " + direct);
  }

  private static String describe(Map<String, DeviceOptions.HostPort> devices, String source) {
    Map<DeviceOptions.HostPort, List<String>> byServer = new LinkedHashMap<>();
    devices.forEach((serial, server) -> byServer.computeIfAbsent(server, s -> new ArrayList<>()).add(serial));
    List<String> parts = new ArrayList<>();
    byServer.forEach((server, serials) -> parts.add(String.join(", ", serials) + " on adb server " + server + source));
    return String.join("; ", parts);
  }

  private static String hint(String state) {
    return switch (state) {
      case "unauthorized" -> " (accept the RSA key prompt on the phone)";
      case "offline" -> " (reconnect it or restart adbd)";
      default -> "";
    };
  }

  private static String reason(IOException e) {
    if (e instanceof java.net.ConnectException) {
      return "connection refused";
    }
    if (e instanceof java.net.SocketTimeoutException) {
      return "no answer in time";
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
