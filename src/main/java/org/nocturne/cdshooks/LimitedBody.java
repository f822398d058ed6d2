package org.nocturne.cdshooks;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body handler that keeps at most {@code limit} bytes: past the limit the rest is read
 * and dropped (the call's time budget bounds how long), and the body fails with {@link TooLarge}
 * instead of filling the heap.
 */
final class LimitedBody implements HttpResponse.BodyHandler<byte[]> {
  static final class TooLarge extends RuntimeException {
    TooLarge() {
      super("response body over the limit", null, false, false);
    }
  }

  private final long limit;

  LimitedBody(long limit) {
    this.limit = limit;
  }

  @Override
  public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
    return new Subscriber(HttpResponse.BodySubscribers.ofByteArray(), limit);
  }

  private static final class Subscriber implements HttpResponse.BodySubscriber<byte[]> {
    private final HttpResponse.BodySubscriber<byte[]> delegate;
    private final long limit;
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private long received;

    Subscriber(HttpResponse.BodySubscriber<byte[]> delegate, long limit) {
      this.delegate = delegate;
      this.limit = limit;
      delegate
          .getBody()
          .whenComplete(
              (bytes, error) -> {
                if (error != null) {
                  result.completeExceptionally(error);
                } else {
                  result.complete(bytes);
                }
              });
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      delegate.onSubscribe(subscription);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      for (ByteBuffer buffer : buffers) {
        received += buffer.remaining();
      }
      if (received <= limit) {
        delegate.onNext(buffers);
      }
    }

    @Override
    public void onError(Throwable throwable) {
      delegate.onError(throwable);
    }

    @Override
    public void onComplete() {
      if (received > limit) {
        result.completeExceptionally(new TooLarge());
      } else {
        delegate.onComplete();
      }
    }
  }
}
