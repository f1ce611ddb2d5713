package dev.statwall.live;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the live channel, {@code /ws}.
 *
 * @param maxSubscriptions subscriptions one connection may hold at once; a page subscribes twice
 * per card while it catches up, so the default fits a page of 256 cards with room to spare
 * @param maxFrameSize the largest STOMP frame a client may send; a client only ever sends small
 * CONNECT and SUBSCRIBE frames
 * @param sendTimeLimit how long sending to one client may take; a client that reads nothing for
 * this long (a frozen tab, a stalled network) is disconnected, and no other client waits for it
 * @param sendBufferSize how much may wait to be sent to one client while it reads slowly; more and
 * it is disconnected; its page reconnects and catches up from the snapshot
 */
@ConfigurationProperties("statwall.live")
public record LiveProperties(@DefaultValue("1024") int maxSubscriptions, @DefaultValue("8KB") DataSize maxFrameSize,
		@DefaultValue("10s") Duration sendTimeLimit, @DefaultValue("1MB") DataSize sendBufferSize) {

	public LiveProperties {
		if (maxSubscriptions < 1) {
			throw new IllegalArgumentException("statwall.live.max-subscriptions must be 1 or more, was " + maxSubscriptions);
		}
		if (maxFrameSize.toBytes() < 1024 || maxFrameSize.toBytes() > 16 * 1024 * 1024) {
			throw new IllegalArgumentException("statwall.live.max-frame-size must be from 1KB to 16MB, was " + maxFrameSize);
		}
		if (sendTimeLimit.toMillis() < 100 || sendTimeLimit.compareTo(Duration.ofMinutes(10)) > 0) {
			throw new IllegalArgumentException("statwall.live.send-time-limit must be from 100ms to 10m, was " + sendTimeLimit);
		}
		if (sendBufferSize.toBytes() < 16 * 1024 || sendBufferSize.toBytes() > 1024 * 1024 * 1024) {
			throw new IllegalArgumentException("statwall.live.send-buffer-size must be from 16KB to 1GB, was " + sendBufferSize);
		}
	}

}
