package dev.statwall.live;

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
 */
@ConfigurationProperties("statwall.live")
public record LiveProperties(@DefaultValue("1024") int maxSubscriptions, @DefaultValue("8KB") DataSize maxFrameSize) {

	public LiveProperties {
		if (maxSubscriptions < 1) {
			throw new IllegalArgumentException("statwall.live.max-subscriptions must be 1 or more, was " + maxSubscriptions);
		}
		if (maxFrameSize.toBytes() < 1024 || maxFrameSize.toBytes() > 16 * 1024 * 1024) {
			throw new IllegalArgumentException("statwall.live.max-frame-size must be from 1KB to 16MB, was " + maxFrameSize);
		}
	}

}
