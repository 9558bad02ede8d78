package io.zerostore.proxy.controller;

import io.zerostore.common.ring.Device;
import java.util.List;

/** Whether an account exists and where its replicas are (Swift's account_info). */
public record AccountInfo(int status, long containerCount, int partition, List<Device> nodes) {
    public boolean exists() {
        return status >= 200 && status < 300;
    }
}
