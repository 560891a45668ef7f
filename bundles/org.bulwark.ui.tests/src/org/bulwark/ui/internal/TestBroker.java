package org.bulwark.ui.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.swt.widgets.Display;
import org.osgi.service.event.EventHandler;

/**
 * An event broker for part tests: delivers topics to consumers on the display thread, as {@code @UIEventTopic}
 * does in the workbench ({@code post} later, {@code send} now).
 */
public final class TestBroker implements IEventBroker {

    private final Display display;
    private final List<Map.Entry<String, Consumer<Object>>> consumers = new CopyOnWriteArrayList<>();
    final List<String> topics = new CopyOnWriteArrayList<>();

    public TestBroker(Display display) {
        this.display = display;
    }

    public void on(String topic, Consumer<Object> consumer) {
        consumers.add(Map.entry(topic, consumer));
    }

    /**
     * Stops delivering: a topic posted before (a job's snapshot still queued on the display) then reaches no part
     * of a test that has ended, as the workbench unsubscribes a disposed part.
     */
    public void close() {
        consumers.clear();
    }

    private void deliver(String topic, Object data) {
        topics.add(topic);
        for (Map.Entry<String, Consumer<Object>> c : new ArrayList<>(consumers)) {
            if (c.getKey().equals(topic)) {
                c.getValue().accept(data);
            }
        }
    }

    @Override
    public boolean send(String topic, Object data) {
        if (Thread.currentThread() == display.getThread()) {
            deliver(topic, data);
        } else {
            display.syncExec(() -> deliver(topic, data));
        }
        return true;
    }

    @Override
    public boolean post(String topic, Object data) {
        display.asyncExec(() -> deliver(topic, data));
        return true;
    }

    @Override
    public boolean subscribe(String topic, EventHandler eventHandler) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean subscribe(String topic, String filter, EventHandler eventHandler, boolean headless) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean unsubscribe(EventHandler eventHandler) {
        return false;
    }
}
