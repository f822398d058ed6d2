package org.nocturne.cdshooks;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body handler that stops reading at its limits: past {@code limit} bytes for this
 * response, or past the call's {@link CallBudget}, or once the call is over, it cancels the
 * subscription (the JDK client closes the connection) and fails with {@link TooLarge} or {@link
 * Cancelled}. A server that streams forever costs at most the limit.
 */
public final class LimitedBody implements HttpResponse.BodyHandler<byte[]> {
  /** The body was over the limit. */
  public static final class TooLarge extends RuntimeException {
    TooLarge() {
      super("response body over the limit", null, false, false);
    }
  }

  /** The call ended (budget closed) before the body did. */
  public static final class Cancelled extends RuntimeException {
    public Cancelled() {
      super("the call ended before the response did", null, false, false);
    }
  }

  private final long limit;
  private final CallBudget budget;

  public LimitedBody(long limit) {
    this(limit, CallBudget.unlimited());
  }

  public LimitedBody(long limit, CallBudget budget) {
    this.limit = limit;
    this.budget = budget;
  }

  @Override
  public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
    return new Subscriber(limit, budget);
  }

  private static final class Subscriber implements HttpResponse.BodySubscriber<byte[]> {
    private final long limit;
    private final CallBudget budget;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private Flow.Subscription subscription;
    private long received;

    Subscriber(long limit, CallBudget budget) {
      this.limit = limit;
      this.budget = budget;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      if (result.isDone()) {
        return;
      }
      long size = 0;
      for (ByteBuffer buffer : buffers) {
        size += buffer.remaining();
      }
      received += size;
      if (budget.closed()) {
        stop(new Cancelled());
        return;
      }
      if (received > limit || !budget.take(size)) {
        stop(new TooLarge());
        return;
      }
      for (ByteBuffer buffer : buffers) {
        byte[] chunk = new byte[buffer.remaining()];
        buffer.get(chunk);
        bytes.write(chunk, 0, chunk.length);
      }
    }

    private void stop(RuntimeException reason) {
      subscription.cancel();
      result.completeExceptionally(reason);
    }

    @Override
    public void onError(Throwable throwable) {
      result.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
      result.complete(bytes.toByteArray());
    }
  }
}
