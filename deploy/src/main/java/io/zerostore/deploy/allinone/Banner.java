package io.zerostore.deploy.allinone;

/** What {@code zerostore start} prints once the cluster answers: where it is and how to use it. */
public final class Banner {
    public static final String USER = "test:tester";
    public static final String KEY = "testing";
    public static final String ACCOUNT = "AUTH_test";

    private Banner() {
    }

    public static String text(AllInOneLayout layout, boolean nodesAsProcesses) {
        String auth = layout.authUrl();
        String swift = "swift -A " + auth + " -U " + USER + " -K " + KEY;
        String v1 = layout.proxyUrl() + "/v1/" + ACCOUNT;
        String etc = layout.etc().toString();
        return """
                Zerostore all-in-one is running: proxy on %s, 3 storage nodes%s, 3 replicas.
                  data     %s
                  configs  %s  (proxy.conf, node1..3.conf, swift.conf, *.ring.gz)
                  auth     %s   user %s   key %s   (TempAuth, account %s)

                swift (python-swiftclient):
                  %s stat
                  %s upload demo README.md
                  %s list demo
                  %s download demo README.md -o -

                curl:
                  TOKEN=$(curl -s -o /dev/null -D - -H 'X-Auth-User: %s' -H 'X-Auth-Key: %s' %s \\
                          | tr -d '\\r' | awk 'tolower($1)=="x-auth-token:" {print $2}')
                  curl -i -X PUT -H "X-Auth-Token: $TOKEN" %s/demo
                  curl -i -X PUT -H "X-Auth-Token: $TOKEN" -H 'Content-Type: text/plain' --data-binary 'hello' %s/demo/hello.txt
                  curl -H "X-Auth-Token: $TOKEN" %s/demo/hello.txt
                  curl -H "X-Auth-Token: $TOKEN" '%s/demo?format=json'

                Each role on its own: zerostore node --conf %s/node1.conf (and 2, 3); zerostore proxy --conf %s/proxy.conf
                Stop with Ctrl-C.
                """.formatted(
                layout.proxyUrl(), nodesAsProcesses ? " (child processes, logs in " + layout.logs() + ")" : "",
                layout.data(), etc, auth, USER, KEY, ACCOUNT,
                swift, swift, swift, swift,
                USER, KEY, auth, v1, v1, v1, v1,
                etc, etc);
    }
}
