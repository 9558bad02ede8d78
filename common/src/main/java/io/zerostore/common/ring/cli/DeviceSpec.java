package io.zerostore.common.ring.cli;

import io.zerostore.common.ring.Device;
import io.zerostore.common.ring.RingBuilderException;
import java.util.Locale;

/**
 * swift-ring-builder's device syntax: {@code [r<region>]z<zone>-<ip>:<port>[R<ip>:<port>]/<name>[_<meta>]},
 * e.g. {@code r1z1-127.0.0.1:6010/d1} or {@code z2-[::1]:6020R[::1]:6030/sdb_ssd}. The region
 * defaults to 1, the replication address to the main one. As in Swift, the address ends at the
 * first {@code R} or {@code /} and a device name cannot contain {@code _}.
 */
record DeviceSpec(int region, int zone, String ip, int port, String replicationIp, int replicationPort,
                  String device, String meta) {

  static DeviceSpec parse(String value) {
    Cursor c = new Cursor(value);
    int region = c.skip('r') ? c.number() : 1;
    if (!c.skip('z')) {
      throw invalid(value, "expected z<zone>");
    }
    int zone = c.number();
    if (!c.skip('-')) {
      throw invalid(value, "expected '-' before the address");
    }
    String[] main = address(c.until("R/"), value);
    String[] replication = c.skip('R') ? address(c.until("/"), value) : main;
    if (!c.skip('/')) {
      throw invalid(value, "expected /<device>");
    }
    String device = c.until("_");
    if (device.isEmpty()) {
      throw invalid(value, "empty device name");
    }
    String meta = c.skip('_') ? c.rest() : "";
    return new DeviceSpec(region, zone, main[0], Integer.parseInt(main[1]), replication[0],
        Integer.parseInt(replication[1]), device, meta);
  }

  Device toDevice(int id, double weight) {
    return new Device(id, region, zone, ip, port, replicationIp, replicationPort, device, weight, meta);
  }

  /** {@code ip:port} or {@code [v6]:port} → {ip, port}; IPv6 addresses are lower-cased. */
  private static String[] address(String text, String whole) {
    String s = text;
    if (s.startsWith("[")) {
      s = s.replaceFirst("\\[", "").replaceFirst("]", "");
    }
    int colon = s.lastIndexOf(':');
    if (colon <= 0 || colon == s.length() - 1) {
      throw invalid(whole, "expected <ip>:<port> in '" + text + "'");
    }
    String ip = s.substring(0, colon);
    String port = s.substring(colon + 1);
    if (!port.chars().allMatch(Character::isDigit) || port.length() > 5 || Integer.parseInt(port) > 65535) {
      throw invalid(whole, "bad port '" + port + "'");
    }
    return new String[] {ip.contains(":") ? ip.toLowerCase(Locale.ROOT) : ip, port};
  }

  private static RingBuilderException invalid(String value, String why) {
    return new RingBuilderException("invalid device '" + value + "': " + why
        + " (syntax: [r<region>]z<zone>-<ip>:<port>[R<ip>:<port>]/<device>[_<meta>])");
  }

  private static final class Cursor {
    private final String s;
    private int pos;

    Cursor(String s) {
      this.s = s;
    }

    boolean skip(char ch) {
      if (pos < s.length() && s.charAt(pos) == ch) {
        pos++;
        return true;
      }
      return false;
    }

    int number() {
      int start = pos;
      while (pos < s.length() && Character.isDigit(s.charAt(pos))) {
        pos++;
      }
      if (start == pos || pos - start > 9) {
        throw invalid(s, "expected a number at position " + start);
      }
      return Integer.parseInt(s.substring(start, pos));
    }

    String until(String stops) {
      int start = pos;
      while (pos < s.length() && stops.indexOf(s.charAt(pos)) < 0) {
        pos++;
      }
      return s.substring(start, pos);
    }

    String rest() {
      String r = s.substring(pos);
      pos = s.length();
      return r;
    }
  }
}
