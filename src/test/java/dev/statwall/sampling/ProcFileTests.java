package dev.statwall.sampling;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ProcFileTests {

	@TempDir
	Path dir;

	@Test
	void whenALoadAverageIsReadThenItIsTheDecimalTheKernelWroteNotANeighbour() throws Exception {
		ProcFile load = read("18.26 7.05 0.10 3/1234 56789\n");
		assertThat(load.nextDouble()).isEqualTo(18.26);
		assertThat(load.nextDouble()).isEqualTo(7.05);
		assertThat(load.nextDouble()).isEqualTo(0.1);
		assertThat(Double.toString(read("18.26").nextDouble())).isEqualTo("18.26");
	}

	@Test
	void whenAnyDecimalOfUpToSixPlacesIsReadThenItEqualsWhatParseDoubleMakesOfIt() throws Exception {
		StringBuilder numbers = new StringBuilder();
		for (int i = 0; i < 20_000; i++) {
			long digits = Math.floorMod(i * 2_654_435_761L, 100_000_000L);
			int decimals = i % 7;
			numbers.append(String.format(Locale.ROOT, "%." + decimals + "f ", digits / Math.pow(10, decimals)));
		}
		String text = numbers.toString();
		ProcFile file = read(text);
		for (String number : text.split(" ")) {
			assertThat(file.nextDouble()).as(number).isEqualTo(Double.parseDouble(number));
		}
	}

	@Test
	void whenANumberHasMoreDigitsThanADoubleHoldsThenItIsStillTheNearestDouble() throws Exception {
		assertThat(read("12345.678901234567890123").nextDouble()).isCloseTo(12345.678901234567, org.assertj.core.data.Offset.offset(1e-11));
		assertThat(read("0.000000000000000001").nextDouble()).isEqualTo(1e-18);
		assertThat(read("42").nextDouble()).isEqualTo(42.0);
		assertThat(read("\n").nextDouble()).isNaN();
	}

	private ProcFile read(String text) throws Exception {
		Path file = Files.createTempFile(this.dir, "proc", ".txt");
		Files.writeString(file, text);
		ProcFile proc = new ProcFile(Math.max(64, text.length() + 1));
		assertThat(proc.load(file.toString())).isTrue();
		return proc;
	}

}
