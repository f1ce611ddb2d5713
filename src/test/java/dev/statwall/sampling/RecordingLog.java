package dev.statwall.sampling;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.commons.logging.Log;

/** A log that keeps its warnings, to count how often a failure is logged. */
final class RecordingLog {

	final List<String> warnings = new CopyOnWriteArrayList<>();

	final Log log = (Log) Proxy.newProxyInstance(Log.class.getClassLoader(), new Class<?>[] { Log.class },
			(proxy, method, args) -> {
				if (method.getName().equals("warn")) {
					this.warnings.add(String.valueOf(args[0]));
				}
				if (method.getReturnType() == boolean.class) {
					return true;
				}
				return null;
			});

	FailureLog failureLog() {
		return new FailureLog(this.log);
	}

}
