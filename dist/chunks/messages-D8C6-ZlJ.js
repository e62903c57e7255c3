/** A value shown in a message, quoted and kept short. */
function show(value) {
    if (value === undefined)
        return 'nothing';
    const json = JSON.stringify(value) ?? typeof value;
    return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}
/** ` (did you mean "x"?)` when `word` is a likely typo of one of `candidates`, else ''. */
function didYouMean(word, candidates) {
    const suggestion = closest(word, candidates);
    return suggestion === undefined ? '' : ` (did you mean "${suggestion}"?)`;
}
/** The closest of `candidates` to `word` when it is a likely typo, for "did you mean". */
function closest(word, candidates) {
    let best;
    // About one edit per three letters: `tiemout` finds `timeout`, but `file` does not find `time`.
    let bestDistance = Math.max(1, Math.floor(word.length / 3)) + 1;
    for (const candidate of candidates) {
        const distance = editDistance(word, candidate);
        if (distance < bestDistance)
            [best, bestDistance] = [candidate, distance];
    }
    return best;
}
function editDistance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[b.length];
}
const GENERIC = /^(Invalid|Too|Expected|Unrecognized)/;
/** The "must be ..." part of a message for one issue about a present or missing value. */
function describeIssue(issue, value) {
    return describe(issue, value) + hint(issue, value);
}
function describe(issue, value) {
    if (value === undefined && issue.code === 'invalid_type')
        return 'is required';
    if (issue.code === 'invalid_union' && 'discriminator' in issue && issue.discriminator) {
        const options = issue.options ?? [];
        return `must be one of ${options.join(', ')}, got ${show(value)}`;
    }
    if (!GENERIC.test(issue.message))
        return `${issue.message}, got ${show(value)}`;
    switch (issue.code) {
        case 'invalid_type':
            return `must be ${article(issue.expected)}, got ${show(value)}`;
        case 'too_small':
            return issue.origin === 'array'
                ? `must list at least ${String(issue.minimum)} item(s)`
                : `must be at least ${String(issue.minimum)}, got ${show(value)}`;
        case 'too_big':
            return `must be at most ${String(issue.maximum)}, got ${show(value)}`;
        case 'invalid_value':
            return `must be one of ${issue.values.map((v) => show(v)).join(', ')}, got ${show(value)}`;
        default:
            return `${issue.message.toLowerCase()}, got ${show(value)}`;
    }
}
/** What likely went wrong: a misspelt choice, or YAML reading unquoted text (`true`) as a boolean. */
function hint(issue, value) {
    const choices = choicesOf(issue);
    if (typeof value === 'string' && choices.length > 0)
        return didYouMean(value, choices);
    // Only booleans: a number where text is due is rarely text (`time: 10` wants a unit, not quotes).
    if (typeof value === 'boolean' && issue.code === 'invalid_type' && issue.expected === 'string') {
        return ` (YAML reads an unquoted ${String(value)} as a boolean: quote it, '${String(value)}')`;
    }
    return '';
}
function choicesOf(issue) {
    const values = issue.code === 'invalid_value'
        ? issue.values
        : issue.code === 'invalid_union' && 'discriminator' in issue && issue.discriminator
            ? (issue.options ?? [])
            : [];
    return values.filter((v) => typeof v === 'string');
}
function article(type) {
    if (type === 'array')
        return 'a list';
    if (type === 'object')
        return 'a mapping';
    if (type === 'int')
        return 'a whole number';
    return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

export { describeIssue as a, didYouMean as d };
