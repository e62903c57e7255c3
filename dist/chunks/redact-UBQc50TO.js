/** Removes secret values (passwords, tokens) from every string in a results object. */
/** A deep copy of `value` with each secret replaced by `***`. */
function redact(value, secrets) {
    const active = secrets.filter((secret) => secret.length >= 3);
    if (active.length === 0)
        return value;
    const scrub = (text) => active.reduce((out, secret) => out.split(secret).join('***'), text);
    return JSON.parse(JSON.stringify(value), (_key, item) => typeof item === 'string' ? scrub(item) : item);
}

export { redact as r };
