package io.github.lyncupgrade.core.internal.engine;

import io.github.lyncupgrade.core.run.RunEvent;
import io.github.lyncupgrade.core.run.RunListener;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands events to listeners; a listener that throws is logged and ignored. */
final class EventDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

  private final List<RunListener> listeners;

  EventDispatcher(List<RunListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  void emit(RunEvent event) {
    for (RunListener listener : listeners) {
      try {
        listener.onEvent(event);
      } catch (RuntimeException e) {
        LOG.warn("Listener {} threw on {}; ignored", listener, event.getClass().getSimpleName(), e);
      }
    }
  }
}
