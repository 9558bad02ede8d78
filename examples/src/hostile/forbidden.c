/*
 * forbidden: imports a host function outside WASI (env.system) and calls it. The
 * sandbox's validator must reject the module before it runs; if it ever ran, it would
 * print "forbidden: host system() returned N".
 */
#include <stdio.h>

__attribute__((import_module("env"), import_name("system"))) int host_system(const char *cmd);

int main(void) {
    int rc = host_system("cat /etc/passwd");
    printf("forbidden: host system() returned %d\n", rc);
    return 0;
}
