package org.lianban.common.events;

import java.util.concurrent.ThreadPoolExecutor;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads that run the modules' asynchronous event listeners (documents, SMS and notices, statistics).
 *
 * <p>A fixed number of threads with a queue in front: a case transition only hands its events over after its
 * commit and returns, whatever the listeners are doing. (Spring Boot's default with virtual threads, a
 * concurrency-limited {@code SimpleAsyncTaskExecutor}, made the request thread itself wait for a free listener slot
 * whenever the limit was reached.) The threads are few so listeners never take more than a few pooled connections.
 * Only when the queue is full does the publishing thread run the listener itself (back-pressure rather than loss).
 * Nothing is lost on a crash either way: a queued event's publication is still incomplete in the registry and is
 * published again on restart.
 */
@Configuration(proxyBeanMethods = false)
public class EventListenerExecutor {

    @Bean(name = {"applicationTaskExecutor", "taskExecutor"})
    ThreadPoolTaskExecutor applicationTaskExecutor(@Value("${lianban.events.listener-threads:4}") int threads,
            @Value("${lianban.events.listener-queue:10000}") int queue) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setQueueCapacity(queue);
        executor.setThreadNamePrefix("event-listener-");
        executor.setRejectedExecutionHandler(new ThreadPoolExecutor.CallerRunsPolicy());
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(10);
        return executor;
    }
}
