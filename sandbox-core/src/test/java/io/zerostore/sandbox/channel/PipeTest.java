package io.zerostore.sandbox.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(20)
class PipeTest {
    @Test
    void writerBlocksWhenFullAndReaderSeesEofAfterClose() throws Exception {
        Pipe p = new Pipe(8);
        byte[] data = new byte[100_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                int off = 0;
                while (off < data.length) {
                    off += p.sink().write(data, off, data.length - off);
                }
                p.sink().close();
            } catch (Exception e) {
                throw new RuntimeException(e);
            }
        });
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] b = new byte[13];
        int n;
        while ((n = p.source().read(b, 0, b.length)) > 0) {
            got.write(b, 0, n);
        }
        writer.get(5, TimeUnit.SECONDS);
        assertThat(got.toByteArray()).isEqualTo(data);
    }

    @Test
    void closedReaderBreaksThePipeAndInterruptUnblocks() throws Exception {
        Pipe p = new Pipe(4);
        p.sink().write(new byte[4], 0, 4);
        p.source().close();
        assertThatThrownBy(() -> p.sink().write(new byte[1], 0, 1)).isInstanceOf(BrokenPipeException.class);

        Pipe q = new Pipe(4);
        CountDownLatch started = new CountDownLatch(1);
        Thread[] reader = new Thread[1];
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        reader[0] = new Thread(() -> {
            started.countDown();
            try {
                q.source().read(new byte[1], 0, 1);
                outcome.complete(null);
            } catch (Throwable t) {
                outcome.complete(t);
            }
        });
        reader[0].start();
        started.await();
        Thread.sleep(50);
        reader[0].interrupt();
        assertThat(outcome.get(5, TimeUnit.SECONDS)).isInstanceOf(InterruptedIOException.class);
        assertThat(q.source().interruptible()).isTrue();
    }
}
