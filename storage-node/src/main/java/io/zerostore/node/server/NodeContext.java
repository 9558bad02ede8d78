package io.zerostore.node.server;

import io.netty.channel.EventLoopGroup;
import io.zerostore.common.config.Conf;
import io.zerostore.common.http.client.HttpClient;
import io.zerostore.common.swift.HashPath;

/**
 * What a storage node's servers share: the whole config file (each reads its own section and
 * {@code [DEFAULT]}), one set of network event loops, one pooled backend client (container and
 * account updates) and the cluster's hash path secrets.
 */
public record NodeContext(Conf conf, EventLoopGroup eventLoops, HttpClient client, HashPath hashPath) {}
