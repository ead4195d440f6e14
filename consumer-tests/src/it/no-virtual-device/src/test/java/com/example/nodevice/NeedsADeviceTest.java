package com.example.nodevice;

import dev.stormproof.device.Device;
import dev.stormproof.device.Point;
import dev.stormproof.junit.OnDevice;
import org.junit.jupiter.api.Test;

@OnDevice
class NeedsADeviceTest {

  @Test
  void tapsTheScreen(Device device) {
    device.tap(Point.of(device.screenSize().width() / 2, device.screenSize().height() / 2));
  }
}
