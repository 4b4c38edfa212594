//! Markdown tables, as converters write a PDF or a Word file out: read as the HTML tables they
//! stand for, so that cells stay apart and blanks show. A converter's own furniture is left out:
//! the separator rows, made-up header rows (数据1 … 数据N, 列1 …, Column 1 …), and rows of
//! column numbers (1 2 3 …), which a table split at page breaks repeats between the report's rows.
//! A merged cell is written as empty cells; in the label columns (before the first column that
//! holds a number) and at a row's end they are left out, as HTML leaves out what a span covers.

use crate::report::base::text::escape;

/// The HTML a text with Markdown tables stands for, or `None` when it has none.
pub fn tables_to_html(source: &str) -> Option<String> {
    let is_row = |line: &str| {
        let line = line.trim();
        line.len() > 1 && line.starts_with('|') && line.ends_with('|')
    };
    if source.lines().filter(|l| is_row(l)).take(3).count() < 3 {
        return None;
    }
    let mut html = String::with_capacity(source.len() * 2);
    let mut table: Vec<Vec<&str>> = Vec::new();
    for line in source.lines() {
        if is_row(line) {
            let cells: Vec<&str> = line.trim().trim_matches('|').split('|').map(str::trim).collect();
            if !is_furniture(&cells) {
                table.push(cells);
            }
            continue;
        }
        push_table(&mut html, &mut table);
        html.push_str("<p>");
        html.push_str(&escape(line));
        html.push_str("</p>");
    }
    push_table(&mut html, &mut table);
    Some(html)
}

/// A table block as HTML, merged cells' empty slots left out.
fn push_table(html: &mut String, rows: &mut Vec<Vec<&str>>) {
    if rows.is_empty() {
        return;
    }
    let number = |cell: &&str| !cell.is_empty() && cell.chars().all(|c| c.is_ascii_digit() || c == '.');
    let values_from = rows.iter().filter_map(|row| row.iter().position(number)).min().unwrap_or(usize::MAX);
    html.push_str("<table>");
    for row in rows.drain(..) {
        let last = row.iter().rposition(|c| !c.is_empty()).map_or(0, |i| i + 1);
        html.push_str("<tr>");
        for (i, cell) in row[..last].iter().enumerate() {
            if cell.is_empty() && i < values_from {
                continue;
            }
            html.push_str("<td>");
            html.push_str(&escape(cell));
            html.push_str("</td>");
        }
        html.push_str("</tr>");
    }
    html.push_str("</table>");
}

/// A row a converter made, not the report: `|---|:--:|`, 数据1 | 数据2 …, or 1 | 2 | 3 ….
fn is_furniture(cells: &[&str]) -> bool {
    let filled: Vec<&str> = cells.iter().copied().filter(|c| !c.is_empty()).collect();
    let separator = cells.iter().all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')));
    let made_up = !filled.is_empty()
        && filled.iter().all(|c| {
            let name = c.trim_end_matches(|ch: char| ch.is_ascii_digit()).trim();
            name.len() < c.len() && ["数据", "列", "Column", "Col", "column", "col"].contains(&name)
        });
    let numbered = filled.len() >= 3 && filled.iter().enumerate().all(|(i, c)| c.parse::<usize>() == Ok(i + 1));
    separator || made_up || numbered
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converters_furniture_is_left_out_and_cells_stay_apart() {
        let markdown = "二、主动公开\n\n| 数据1 | 数据2 | 数据3 | 数据4 |\n|---|:-:|---|---|\n|  |  | 1 | 2 | 3 |\n| 规章 |  | 5 |  | 8 |\n|  | a<b | 6 | 7 |  |\n";
        assert_eq!(
            tables_to_html(markdown).unwrap(),
            "<p>二、主动公开</p><p></p><table><tr><td>规章</td><td>5</td><td></td><td>8</td></tr>\
             <tr><td>a&lt;b</td><td>6</td><td>7</td></tr></table>"
        );
    }

    #[test]
    fn text_without_tables_is_left_as_it_is() {
        assert_eq!(tables_to_html("一、总体情况\n| 只有一行 |\n"), None);
    }
}
