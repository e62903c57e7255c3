/** Escaping of untrusted text (bench names, reasons) for Markdown that GitHub renders. */
/**
 * Text safe inside a Markdown table cell: no HTML, no Markdown syntax, no table breaks, no
 * @mentions or #references that would notify people or link issues.
 */
function escapeMarkdown(text) {
    return (text
        .replace(/[\r\n]+/g, ' ')
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        // Backslash first so the escapes added below are not themselves escaped.
        .replace(/\\/g, '\\\\')
        .replace(/([`*_[\]()#!|~:])/g, '\\$1')
        // A zero-width space after @ stops GitHub from turning @name into a mention.
        .replace(/@/g, '@\u200b'));
}
/**
 * Text as an inline code span: GitHub shows code spans literally (no HTML, no mentions, no
 * backslash escapes), so only backticks and line breaks, which would end or split it, go.
 */
function codeSpan(text) {
    return `\`${text.replace(/`/g, "'").replace(/[\r\n]+/g, ' ')}\``;
}

export { codeSpan, escapeMarkdown };
