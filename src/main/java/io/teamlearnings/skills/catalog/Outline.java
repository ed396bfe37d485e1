package io.teamlearnings.skills.catalog;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.teamlearnings.skills.validation.SkillFile;

/**
 * The headings and workflow steps of a skill's body, after its front matter. A heading is
 * an ATX heading ({@code #} to {@code ######}, at most three spaces in). A workflow step
 * is a list item ({@code -}, {@code *}, {@code +}, {@code 1.} or {@code 1)} and a space,
 * then text) below a heading; its depth is how many items of smaller indentation it is
 * nested in since that heading. Nothing inside a fenced code block ({@code ```} or
 * {@code ~~~}) is either; a thematic break ({@code * * *}) is no step; continuation lines
 * are not joined to their item.
 *
 * @param headings the headings, in order
 * @param steps the steps, in order
 */
public record Outline(List<Heading> headings, List<Step> steps) {

	private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,})");

	private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");

	private static final Pattern ITEM = Pattern.compile("^([ \\t]*)([-*+]|[0-9]{1,9}[.)])[ \\t]+(\\S.*)$");

	private static final Pattern BREAK = Pattern.compile("^[-*_ \\t]+$");

	/**
	 * @param file a read {@code SKILL.md}
	 * @return its outline; empty when it could not be read
	 */
	public static Outline of(SkillFile file) {
		String text = (file.text() != null) ? file.text() : "";
		int line = 1;
		for (int i = 0; i < file.bodyStart(); i++) {
			if (text.charAt(i) == '\n') {
				line++;
			}
		}
		List<Heading> headings = new ArrayList<>();
		List<Step> steps = new ArrayList<>();
		Deque<Integer> open = new ArrayDeque<>();
		String fence = null;
		for (String row : file.body().split("\n", -1)) {
			Matcher fenceMark = FENCE.matcher(row);
			if (fenceMark.find()) {
				String mark = fenceMark.group(1);
				if (fence == null) {
					fence = mark;
				}
				else if (mark.charAt(0) == fence.charAt(0) && mark.length() >= fence.length()) {
					fence = null;
				}
			}
			else if (fence == null) {
				Matcher heading = HEADING.matcher(row);
				Matcher item = ITEM.matcher(row);
				if (heading.matches()) {
					String title = (heading.group(2) != null) ? heading.group(2).strip() : "";
					headings.add(new Heading(heading.group(1).length(), title, line));
					open.clear();
				}
				else if (item.matches() && !headings.isEmpty() && !BREAK.matcher(row).matches()) {
					int indent = width(item.group(1));
					while (!open.isEmpty() && open.peek() >= indent) {
						open.pop();
					}
					steps.add(new Step(headings.get(headings.size() - 1).text(), item.group(3).strip(), line,
							Character.isDigit(item.group(2).charAt(0)), open.size()));
					open.push(indent);
				}
			}
			line++;
		}
		return new Outline(List.copyOf(headings), List.copyOf(steps));
	}

	private static int width(String indentation) {
		int width = 0;
		for (int i = 0; i < indentation.length(); i++) {
			width += (indentation.charAt(i) == '\t') ? 4 : 1;
		}
		return width;
	}

}
