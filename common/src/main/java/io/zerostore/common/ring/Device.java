package io.zerostore.common.ring;

import java.util.Objects;

/**
 * One storage device of a ring, with Swift's fields ({@code devs[id]} of a {@code .ring.gz}).
 *
 * @param id              index of the device in the ring's device table; stable for its lifetime
 * @param region          failure domain above zones (Swift defaults it to 1)
 * @param zone            failure domain; replicas of a partition go to distinct zones where possible
 * @param ip              address the proxy uses to reach the device's server
 * @param port            port of that server
 * @param replicationIp   address for replication traffic (Swift defaults it to {@code ip})
 * @param replicationPort port for replication traffic (Swift defaults it to {@code port})
 * @param device          the device's directory name under the server's devices root, e.g. {@code sdb1}
 * @param weight          relative share of partitions; 0 drains the device
 * @param meta            free text for operators
 */
public record Device(int id, int region, int zone, String ip, int port, String replicationIp,
                     int replicationPort, String device, double weight, String meta) {

  public Device {
    Objects.requireNonNull(ip, "ip");
    Objects.requireNonNull(device, "device");
    if (id < 0 || id > Ring.MAX_DEVICE_ID) {
      throw new IllegalArgumentException("device id out of range 0.." + Ring.MAX_DEVICE_ID + ": " + id);
    }
    if (weight < 0 || Double.isNaN(weight) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException("device weight must be a finite number >= 0: " + weight);
    }
    replicationIp = replicationIp == null ? ip : replicationIp;
    replicationPort = replicationPort <= 0 ? port : replicationPort;
    meta = meta == null ? "" : meta;
  }

  /** A device whose replication address is its main address and without meta. */
  public static Device of(int id, int region, int zone, String ip, int port, String device, double weight) {
    return new Device(id, region, zone, ip, port, ip, port, device, weight, "");
  }

  public Device withId(int newId) {
    return new Device(newId, region, zone, ip, port, replicationIp, replicationPort, device, weight, meta);
  }

  public Device withWeight(double newWeight) {
    return new Device(id, region, zone, ip, port, replicationIp, replicationPort, device, newWeight, meta);
  }

  /** {@code ip:port}, with brackets around an IPv6 address, as HTTP clients want it. */
  public String hostPort() {
    return (ip.indexOf(':') >= 0 ? "[" + ip + "]" : ip) + ":" + port;
  }
}
