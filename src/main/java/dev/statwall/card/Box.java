package dev.statwall.card;

/**
 * Where a card sits on the page grid, in Wave's {@code 'column row width height'} notation; columns
 * and rows count from 1.
 *
 * @param column first grid column
 * @param row first grid row
 * @param width columns spanned
 * @param height rows spanned
 */
public record Box(int column, int row, int width, int height) {

	public Box {
		if (column < 1 || row < 1 || width < 1 || height < 1) {
			throw new IllegalArgumentException(
					"a box's column, row, width and height must all be 1 or more, was '%d %d %d %d'".formatted(column,
							row, width, height));
		}
	}

	/** Parses {@code '1 2 1 1'}; the binder calls this for {@code box:} keys. */
	public static Box valueOf(String text) {
		String[] parts = text.trim().split("\\s+");
		if (parts.length != 4) {
			throw new IllegalArgumentException(
					"a box is 'column row width height', four whole numbers such as '1 1 1 1', not '" + text + "'");
		}
		int[] numbers = new int[4];
		for (int i = 0; i < 4; i++) {
			try {
				numbers[i] = Integer.parseInt(parts[i]);
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException(
						"a box is 'column row width height', four whole numbers such as '1 1 1 1', not '" + text + "'");
			}
		}
		return new Box(numbers[0], numbers[1], numbers[2], numbers[3]);
	}

	/** CSS grid placement for this box. */
	public String gridArea() {
		return "grid-area: %d / %d / span %d / span %d".formatted(this.row, this.column, this.height, this.width);
	}

	@Override
	public String toString() {
		return "%d %d %d %d".formatted(this.column, this.row, this.width, this.height);
	}

}
