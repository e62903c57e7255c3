import { j as _coercedNumber, Z as ZodNumber, a as array, l as looseObject, s as string, u as union, n as number$1, e as strictObject, b as boolean, _ as _enum, r as record, t as tuple, d as unknown, c as literal } from './schemas-DV3ev3NB.js';
import { X as XMLParser } from './XMLParser-Ciolm0c3.js';
import { t as text, e as envName, d as duration } from './js-DAoYX6DO.js';
import path from 'node:path';

function number(params) {
    return _coercedNumber(ZodNumber, params);
}

/** A tiny JSON path (`$.task.uuid`, `$.items[0].id`, `$['odd key']`): parse once, read values. Pure. */
const SEGMENT = /^(?:\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\['([^']*)'\]|\["([^"]*)"\])/;
/** The segments of `path`, or undefined when it is not a simple JSON path starting with `$`. */
function parseJsonPath(path) {
    const text = path.trim();
    if (!text.startsWith('$'))
        return undefined;
    const segments = [];
    let rest = text.slice(1);
    while (rest !== '') {
        const match = SEGMENT.exec(rest);
        if (!match)
            return undefined;
        const [whole, key, index, single, double] = match;
        segments.push(index !== undefined ? Number(index) : (key ?? single ?? double));
        rest = rest.slice(whole.length);
    }
    return segments;
}
/** The value at `segments` inside `value`, or undefined when any step is missing. */
function readJsonPath(value, segments) {
    let current = value;
    for (const segment of segments) {
        if (current === null || typeof current !== 'object')
            return undefined;
        current = current[segment];
    }
    return current;
}

/** A tool's output file could not be read: names the file and what is wrong with it. */
class ImportFormatError extends Error {
    file;
    detail;
    constructor(file, detail) {
        super(`${file}: ${detail}`);
        this.file = file;
        this.detail = detail;
        this.name = 'ImportFormatError';
    }
}
/** Parses a JSON text, throwing ImportFormatError (with the parser's reason) when it is not JSON. */
function parseJson(text, file, what) {
    if (text.trim() === '')
        throw new ImportFormatError(file, `is empty; expected ${what}`);
    try {
        return JSON.parse(text);
    }
    catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new ImportFormatError(file, `is not valid JSON (${reason}); expected ${what} — was the file cut short?`);
    }
}

/**
 * When adding a new value to a list, one does not have to necessary
 * recompute the mean of the list in linear time. They can instead use
 * this function to compute the new mean by providing the current mean,
 * the number of elements in the list that produced it and the new
 * value to add.
 *
 * @since 2.5.0
 * @param {number} mean current mean
 * @param {number} n number of items in the list
 * @param {number} newValue the added value
 * @returns {number} the new mean
 *
 * @example
 * addToMean(14, 5, 53); // => 20.5
 */

/**
 * Our default sum is the [Kahan-Babuska algorithm](https://pdfs.semanticscholar.org/1760/7d467cda1d0277ad272deb2113533131dc09.pdf).
 * This method is an improvement over the classical
 * [Kahan summation algorithm](https://en.wikipedia.org/wiki/Kahan_summation_algorithm).
 * It aims at computing the sum of a list of numbers while correcting for
 * floating-point errors. Traditionally, sums are calculated as many
 * successive additions, each one with its own floating-point roundoff. These
 * losses in precision add up as the number of numbers increases. This alternative
 * algorithm is more accurate than the simple way of calculating sums by simple
 * addition.
 *
 * This runs in `O(n)`, linear time, with respect to the length of the array.
 *
 * @param {Array<number>} x input
 * @return {number} sum of all input numbers
 * @example
 * sum([1, 2, 3]); // => 6
 */
function sum(x) {
    // If the array is empty, we needn't bother computing its sum
    if (x.length === 0) {
        return 0;
    }

    // Initializing the sum as the first number in the array
    var sum = x[0];

    // Keeping track of the floating-point error correction
    var correction = 0;

    var transition;

    if (typeof sum !== "number") {
        return Number.NaN;
    }

    for (var i = 1; i < x.length; i++) {
        if (typeof x[i] !== "number") {
            return Number.NaN;
        }
        transition = sum + x[i];

        // Here we need to update the correction in a different fashion
        // if the new absolute value is greater than the absolute sum
        if (Math.abs(sum) >= Math.abs(x[i])) {
            correction += sum - transition + x[i];
        } else {
            correction += x[i] - transition + sum;
        }

        sum = transition;
    }

    // Returning the corrected sum
    return sum + correction;
}

/**
 * The mean, _also known as average_,
 * is the sum of all values over the number of values.
 * This is a [measure of central tendency](https://en.wikipedia.org/wiki/Central_tendency):
 * a method of finding a typical or central value of a set of numbers.
 *
 * This runs in `O(n)`, linear time, with respect to the length of the array.
 *
 * @param {Array<number>} x sample of one or more data points
 * @throws {Error} if the length of x is less than one
 * @returns {number} mean
 * @example
 * mean([0, 10]); // => 5
 */
function mean(x) {
    if (x.length === 0) {
        throw new Error("mean requires at least one data point");
    }

    return sum(x) / x.length;
}

/**
 * The sum of deviations to the Nth power.
 * When n=2 it's the sum of squared deviations.
 * When n=3 it's the sum of cubed deviations.
 *
 * @param {Array<number>} x
 * @param {number} n power
 * @returns {number} sum of nth power deviations
 *
 * @example
 * var input = [1, 2, 3];
 * // since the variance of a set is the mean squared
 * // deviations, we can calculate that with sumNthPowerDeviations:
 * sumNthPowerDeviations(input, 2) / input.length;
 */
function sumNthPowerDeviations(x, n) {
    var meanValue = mean(x);
    var sum = 0;
    var tempValue;
    var i;

    // This is an optimization: when n is 2 (we're computing a number squared),
    // multiplying the number by itself is significantly faster than using
    // the Math.pow method.
    {
        for (i = 0; i < x.length; i++) {
            tempValue = x[i] - meanValue;
            sum += tempValue * tempValue;
        }
    }

    return sum;
}

/**
 * This computes the maximum number in an array.
 *
 * This runs in `O(n)`, linear time, with respect to the length of the array.
 *
 * @param {Array<number>} x sample of one or more data points
 * @returns {number} maximum value
 * @throws {Error} if the length of x is less than one
 * @example
 * max([1, 2, 3, 4]);
 * // => 4
 */
function max(x) {
    if (x.length === 0) {
        throw new Error("max requires at least one data point");
    }

    var value = x[0];
    for (var i = 1; i < x.length; i++) {
        if (x[i] > value) {
            value = x[i];
        }
    }
    return value;
}

/**
 * The min is the lowest number in the array.
 * This runs in `O(n)`, linear time, with respect to the length of the array.
 *
 * @param {Array<number>} x sample of one or more data points
 * @throws {Error} if the length of x is less than one
 * @returns {number} minimum value
 * @example
 * min([1, 5, -10, 100, 2]); // => -10
 */
function min(x) {
    if (x.length === 0) {
        throw new Error("min requires at least one data point");
    }

    var value = x[0];
    for (var i = 1; i < x.length; i++) {
        if (x[i] < value) {
            value = x[i];
        }
    }
    return value;
}

/**
 * This is the internal implementation of quantiles: when you know
 * that the order is sorted, you don't need to re-sort it, and the computations
 * are faster.
 *
 * This implements the linear interpolation method (type=7 in R/numpy),
 * which is the default in numpy.percentile and R's quantile.
 *
 * @param {Array<number>} x sample of one or more data points
 * @param {number} p desired quantile: a number between 0 to 1, inclusive
 * @returns {number} quantile value
 * @throws {Error} if p ix outside of the range from 0 to 1
 * @throws {Error} if x is empty
 * @example
 * quantileSorted([3, 6, 7, 8, 8, 9, 10, 13, 15, 16, 20], 0.5); // => 9
 */
function quantileSorted(x, p) {
    // Use (n-1) * p for index, matching numpy's linear method (type=7)
    var idx = (x.length - 1) * p;
    if (x.length === 0) {
        throw new Error("quantile requires at least one data point.");
    } else if (p < 0 || p > 1) {
        throw new Error("quantiles must be between 0 and 1");
    } else if (p === 1) {
        // If p is 1, directly return the last element
        return x[x.length - 1];
    } else if (p === 0) {
        // If p is 0, directly return the first element
        return x[0];
    } else if (idx % 1 !== 0) {
        // If idx is not integer, interpolate linearly between floor and ceil
        var lower = Math.floor(idx);
        var upper = Math.ceil(idx);
        var fraction = idx - lower;
        return x[lower] + fraction * (x[upper] - x[lower]);
    } else {
        // If idx is integer, type=7 returns the value at that index
        return x[idx];
    }
}

/**
 * Rearrange items in `arr` so that all items in `[left, k]` range are the smallest.
 * The `k`-th element will have the `(k - left + 1)`-th smallest value in `[left, right]`.
 *
 * Implements Floyd-Rivest selection algorithm https://en.wikipedia.org/wiki/Floyd-Rivest_algorithm
 *
 * @param {Array<number>} arr input array
 * @param {number} k pivot index
 * @param {number} [left] left index
 * @param {number} [right] right index
 * @returns {void} mutates input array
 * @example
 * var arr = [65, 28, 59, 33, 21, 56, 22, 95, 50, 12, 90, 53, 28, 77, 39];
 * quickselect(arr, 8);
 * // = [39, 28, 28, 33, 21, 12, 22, 50, 53, 56, 59, 65, 90, 77, 95]
 */
function quickselect(arr, k, left, right) {
    left = left || 0;
    right = right || arr.length - 1;

    while (right > left) {
        // 600 and 0.5 are arbitrary constants chosen in the original paper to minimize execution time
        if (right - left > 600) {
            var n = right - left + 1;
            var m = k - left + 1;
            var z = Math.log(n);
            var s = 0.5 * Math.exp((2 * z) / 3);
            var sd = 0.5 * Math.sqrt((z * s * (n - s)) / n);
            if (m - n / 2 < 0) { sd *= -1; }
            var newLeft = Math.max(left, Math.floor(k - (m * s) / n + sd));
            var newRight = Math.min(
                right,
                Math.floor(k + ((n - m) * s) / n + sd)
            );
            quickselect(arr, k, newLeft, newRight);
        }

        var t = arr[k];
        var i = left;
        var j = right;

        swap(arr, left, k);
        if (arr[right] > t) { swap(arr, left, right); }

        while (i < j) {
            swap(arr, i, j);
            i++;
            j--;
            while (arr[i] < t) { i++; }
            while (arr[j] > t) { j--; }
        }

        if (arr[left] === t) { swap(arr, left, j); }
        else {
            j++;
            swap(arr, j, right);
        }

        if (j <= k) { left = j + 1; }
        if (k <= j) { right = j - 1; }
    }
}

function swap(arr, i, j) {
    var tmp = arr[i];
    arr[i] = arr[j];
    arr[j] = tmp;
}

/**
 * The [quantile](https://en.wikipedia.org/wiki/Quantile):
 * this is a population quantile, since we assume to know the entire
 * dataset in this library. This implementation uses linear interpolation,
 * equivalent to R's type=7 and numpy's default percentile method.
 *
 * Sample is a one-dimensional array of numbers,
 * and p is either a decimal number from 0 to 1 or an array of decimal
 * numbers from 0 to 1.
 * In terms of a k/q quantile, p = k/q - it's just dealing with fractions or dealing
 * with decimal values.
 * When p is an array, the result of the function is also an array containing the appropriate
 * quantiles in input order
 *
 * @param {Array<number>} x sample of one or more numbers
 * @param {Array<number> | number} p the desired quantile, as a number between 0 and 1
 * @returns {number} quantile
 * @example
 * quantile([3, 6, 7, 8, 8, 9, 10, 13, 15, 16, 20], 0.5); // => 9
 */
function quantile(x, p) {
    var copy = x.slice();

    if (Array.isArray(p)) {
        // rearrange elements so that each element corresponding to a requested
        // quantile is on a place it would be if the array was fully sorted
        multiQuantileSelect(copy, p);
        // Initialize the result array
        var results = [];
        // For each requested quantile
        for (var i = 0; i < p.length; i++) {
            results[i] = quantileSorted(copy, p[i]);
        }
        return results;
    } else {
        var idx = quantileIndex(copy.length, p);
        quantileSelect(copy, idx, 0, copy.length - 1);
        return quantileSorted(copy, p);
    }
}

function quantileSelect(arr, k, left, right) {
    if (k % 1 === 0) {
        quickselect(arr, k, left, right);
    } else {
        k = Math.floor(k);
        quickselect(arr, k, left, right);
        quickselect(arr, k + 1, k + 1, right);
    }
}

function multiQuantileSelect(arr, p) {
    // Collect every integer order statistic that the requested quantiles need.
    // Linear interpolation (type=7) reads x[floor(idx)] and x[ceil(idx)], so both
    // surrounding positions must be placed. Deduplicate to integer positions
    // so each is selected with an unambiguous index.
    var positions = new Set();
    for (var i = 0; i < p.length; i++) {
        var idx = quantileIndex(arr.length, p[i]);
        positions.add(Math.floor(idx));
        positions.add(Math.ceil(idx));
    }
    var indices = Array.from(positions).sort(compare);

    multiselect(arr, indices, 0, indices.length - 1, 0, arr.length - 1);
}

// Place every order statistic in `indices` by partitioning around the median
// requested position, then recursing into the two halves. The just-placed pivot
// is excluded from the child ranges (indices[mid] ± 1) so that a later, narrower
// quickselect cannot disturb an already-finalized position.
function multiselect(arr, indices, lo, hi, left, right) {
    if (lo > hi) { return; }
    var mid = (lo + hi) >> 1;
    quickselect(arr, indices[mid], left, right);
    multiselect(arr, indices, lo, mid - 1, left, indices[mid] - 1);
    multiselect(arr, indices, mid + 1, hi, indices[mid] + 1, right);
}

function compare(a, b) {
    return a - b;
}

function quantileIndex(len, p) {
    // Use (n-1) * p to match numpy's linear method (type=7)
    var idx = (len - 1) * p;
    if (p === 1) {
        // If p is 1, directly return the last index
        return len - 1;
    } else if (p === 0) {
        // If p is 0, directly return the first index
        return 0;
    } else if (idx % 1 !== 0) {
        // If index is not integer, keep the fractional position so we can
        // select both surrounding order statistics for interpolation.
        return idx;
    } else {
        // If index is integer, return that exact position.
        return idx;
    }
}

/**
 * [Simple linear regression](http://en.wikipedia.org/wiki/Simple_linear_regression)
 * is a simple way to find a fitted line
 * between a set of coordinates. This algorithm finds the slope and y-intercept of a regression line
 * using the least sum of squares.
 *
 * @param {Array<Array<number>>} data an array of two-element of arrays,
 * like `[[0, 1], [2, 3]]`
 * @returns {Object} object containing slope and intersect of regression line
 * @example
 * linearRegression([[0, 0], [1, 1]]); // => { m: 1, b: 0 }
 */
function linearRegression(data) {
    var m;
    var b;

    // Store data length in a local variable to reduce
    // repeated object property lookups
    var dataLength = data.length;

    //if there's only one point, arbitrarily choose a slope of 0
    //and a y-intercept of whatever the y of the initial point is
    if (dataLength === 1) {
        m = 0;
        b = data[0][1];
    } else {
        // The means of x and y. Centering on them before accumulating the
        // cross products keeps the sums small when the coordinates are not,
        // which is what `weightedLinearRegression` already does.
        var sumX = 0;
        var sumY = 0;
        for (var i = 0; i < dataLength; i++) {
            sumX += data[i][0];
            sumY += data[i][1];
        }
        var meanX = sumX / dataLength;
        var meanY = sumY / dataLength;

        var sumXY = 0;
        var sumXX = 0;
        for (var i$1 = 0; i$1 < dataLength; i$1++) {
            var deviationX = data[i$1][0] - meanX;
            sumXY += deviationX * (data[i$1][1] - meanY);
            sumXX += deviationX * deviationX;
        }

        // `m` is the slope of the regression line, `b` its y-intercept.
        m = sumXY / sumXX;
        b = meanY - m * meanX;
    }

    // Return both values as an object.
    return {
        m: m,
        b: b
    };
}

/**
 * Given the output of `linearRegression`: an object
 * with `m` and `b` values indicating slope and intercept,
 * respectively, generate a line function that translates
 * x values into y values.
 *
 * @param {Object} mb object with `m` and `b` members, representing
 * slope and intersect of desired line
 * @returns {Function} method that computes y-value at any given
 * x-value on the line.
 * @example
 * var l = linearRegressionLine(linearRegression([[0, 0], [1, 1]]));
 * l(0) // = 0
 * l(2) // = 2
 * linearRegressionLine({ b: 0, m: 1 })(1); // => 1
 * linearRegressionLine({ b: 1, m: 1 })(1); // => 2
 */
function linearRegressionLine(mb /*: { b: number, m: number }*/) {
    // Return a function that computes a `y` value for each
    // x value it is given, based on the values of `b` and `a`
    // that we just computed.
    return function (x) {
        return mb.b + mb.m * x;
    };
}

/**
 * The [median](http://en.wikipedia.org/wiki/Median) is
 * the middle number of a list. This is often a good indicator of 'the middle'
 * when there are outliers that skew the `mean()` value.
 * This is a [measure of central tendency](https://en.wikipedia.org/wiki/Central_tendency):
 * a method of finding a typical or central value of a set of numbers.
 *
 * The median isn't necessarily one of the elements in the list: the value
 * can be the average of two elements if the list has an even length
 * and the two central values are different.
 *
 * @param {Array<number>} x input
 * @returns {number} median value
 * @example
 * median([10, 2, 5, 100, 2, 1]); // => 3.5
 */
function median(x) {
    return +quantile(x, 0.5);
}

/**
 * The [Median Absolute Deviation](http://en.wikipedia.org/wiki/Median_absolute_deviation) is
 * a robust measure of statistical
 * dispersion. It is more resilient to outliers than the standard deviation.
 *
 * @param {Array<number>} x input array
 * @returns {number} median absolute deviation
 * @example
 * medianAbsoluteDeviation([1, 1, 2, 2, 4, 6, 9]); // => 1
 */
function medianAbsoluteDeviation(x) {
    var medianValue = median(x);
    var medianAbsoluteDeviations = [];

    // Make a list of absolute deviations from the median
    for (var i = 0; i < x.length; i++) {
        medianAbsoluteDeviations.push(Math.abs(x[i] - medianValue));
    }

    // Find the median value of that list
    return median(medianAbsoluteDeviations);
}

/**
 * The [R Squared](http://en.wikipedia.org/wiki/Coefficient_of_determination)
 * value of data compared with a function `f`
 * is the sum of the squared differences between the prediction
 * and the actual value.
 *
 * @param {Array<Array<number>>} x input data: this should be doubly-nested
 * @param {Function} func function called on `[i][0]` values within the dataset
 * @returns {number} r-squared value
 * @example
 * var samples = [[0, 0], [1, 1]];
 * var regressionLine = linearRegressionLine(linearRegression(samples));
 * rSquared(samples, regressionLine); // = 1 this line is a perfect fit
 */
function rSquared(x, func) {
    if (x.length < 2) {
        return 1;
    }

    // Compute the average y value for the actual
    // data set in order to compute the
    // _total sum of squares_
    var sum = 0;
    for (var i = 0; i < x.length; i++) {
        sum += x[i][1];
    }
    var average = sum / x.length;

    // Compute the total sum of squares - the
    // squared difference between each point
    // and the average of all points.
    var sumOfSquares = 0;
    for (var j = 0; j < x.length; j++) {
        sumOfSquares += Math.pow(average - x[j][1], 2);
    }

    // Finally estimate the error: the squared
    // difference between the estimate and the actual data
    // value at each point.
    var err = 0;
    for (var k = 0; k < x.length; k++) {
        err += Math.pow(x[k][1] - func(x[k][0]), 2);
    }

    // As the error grows larger, its ratio to the
    // sum of squares increases and the r squared
    // value grows lower.
    return 1 - err / sumOfSquares;
}

/**
 * The [variance](http://en.wikipedia.org/wiki/Variance)
 * is the sum of squared deviations from the mean.
 *
 * This is an implementation of variance, not sample variance:
 * see the `sampleVariance` method if you want a sample measure.
 *
 * @param {Array<number>} x a population of one or more data points
 * @returns {number} variance: a value greater than or equal to zero.
 * zero indicates that all values are identical.
 * @throws {Error} if x's length is 0
 * @example
 * variance([1, 2, 3, 4, 5, 6]); // => 2.9166666666666665
 */
function variance(x) {
    if (x.length === 0) {
        throw new Error("variance requires at least one data point");
    }

    // Find the mean of squared deviations between the
    // mean value and each value.
    return sumNthPowerDeviations(x) / x.length;
}

/**
 * The [standard deviation](http://en.wikipedia.org/wiki/Standard_deviation)
 * is the square root of the variance. This is also known as the population
 * standard deviation. It's useful for measuring the amount
 * of variation or dispersion in a set of values.
 *
 * Standard deviation is only appropriate for full-population knowledge: for
 * samples of a population, {@link sampleStandardDeviation} is
 * more appropriate.
 *
 * @param {Array<number>} x input
 * @returns {number} standard deviation
 * @example
 * variance([2, 4, 4, 4, 5, 5, 7, 9]); // => 4
 * standardDeviation([2, 4, 4, 4, 5, 5, 7, 9]); // => 2
 */
function standardDeviation(x) {
    if (x.length === 1) {
        return 0;
    }
    var v = variance(x);
    return Math.sqrt(v);
}

/**
 * **[Gaussian error function](http://en.wikipedia.org/wiki/Error_function)**
 *
 * The `errorFunction(x/(sd * Math.sqrt(2)))` is the probability that a value in a
 * normal distribution with standard deviation sd is within x of the mean.
 *
 * This function returns a numerical approximation to the exact value.
 * It uses Horner's method to evaluate the polynomial of τ (tau).
 *
 * @param {number} x input
 * @return {number} error estimation
 * @example
 * errorFunction(1).toFixed(2); // => '0.84'
 */
function errorFunction(x) {
    var t = 1 / (1 + 0.5 * Math.abs(x));
    var tau =
        t *
        Math.exp(
            -x * x +
                ((((((((0.17087277 * t - 0.82215223) * t + 1.48851587) * t -
                    1.13520398) *
                    t +
                    0.27886807) *
                    t -
                    0.18628806) *
                    t +
                    0.09678418) *
                    t +
                    0.37409196) *
                    t +
                    1.00002368) *
                    t -
                1.26551223
        );
    if (x >= 0) {
        return 1 - tau;
    } else {
        return tau - 1;
    }
}

/** Descriptive statistics of raw samples, computed with simple-statistics. */
/** The summary of `samples` (which must be non-empty); ops/s only for millisecond times. */
function summarize(samples, unit) {
    const values = [...samples];
    const sorted = [...values].sort((a, b) => a - b);
    const average = mean(values);
    const sd = values.length > 1 ? standardDeviation(values) : 0;
    return {
        n: values.length,
        mean: average,
        median: median(sorted),
        min: min(sorted),
        max: max(sorted),
        sd,
        cv: average === 0 ? 0 : sd / average,
        p75: quantileSorted(sorted, 0.75),
        p99: quantileSorted(sorted, 0.99),
        mad: medianAbsoluteDeviation(values),
        opsPerSecond: unit === 'ms' && average > 0 ? 1000 / average : null,
    };
}
/** A metric from its raw samples, with its summary computed. */
function makeMetric(fields) {
    const { better = 'smaller', ...rest } = fields;
    return { ...rest, better, summary: summarize(fields.samples, fields.unit) };
}

/** Unit normalisation for imported results: every time becomes milliseconds. */
const MS_PER = {
    ns: 1e-6,
    us: 1e-3,
    µs: 1e-3,
    μs: 1e-3,
    ms: 1,
    s: 1e3,
};
/** Milliseconds per one `unit` when it is a time unit (ns, us, µs, ms, s), else undefined. */
function msPer(unit) {
    return MS_PER[unit.trim()];
}
/** A metric from samples in `unit`: times are converted to ms, other units kept as given. */
function importedMetric(fields) {
    const factor = msPer(fields.unit);
    return makeMetric({
        name: fields.name,
        unit: factor === undefined ? fields.unit : 'ms',
        better: fields.better ?? 'smaller',
        samples: factor === undefined ? [...fields.samples] : fields.samples.map((v) => v * factor),
        ...(fields.rounds === undefined ? {} : { rounds: fields.rounds }),
    });
}

/** The value typed by `schema`, or ImportFormatError like `file: benchmarks[2].real_time ...`. */
function validate(schema, value, file, what) {
    const parsed = schema.safeParse(value);
    if (parsed.success)
        return parsed.data;
    const issue = parsed.error.issues[0];
    const where = formatPath(issue.path);
    const got = describe(valueAt(value, issue.path));
    const field = where === '' ? 'the top level' : where;
    throw new ImportFormatError(file, `is not ${what}: ${field} ${issue.message.replace(/^Invalid input: /, '')}${got}`);
}
function formatPath(path) {
    return path
        .map((segment, index) => typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`)
        .join('');
}
function valueAt(value, path) {
    let current = value;
    for (const segment of path) {
        if (current === null || typeof current !== 'object')
            return undefined;
        current = current[segment];
    }
    return current;
}
function describe(value) {
    if (value === undefined)
        return '';
    const text = JSON.stringify(value);
    if (text === undefined)
        return '';
    return `, got ${text.length > 40 ? `${text.slice(0, 40)}…` : text}`;
}

/**
 * github-action-benchmark's custom JSON (`customSmallerIsBetter` / `customBiggerIsBetter`):
 * `[{ name, unit, value, range?, extra? }]`, read as it is. The tool name, not the file, says
 * which direction is better.
 */
/** The leading action's custom shape: one value per bench. */
const benchmarkActionCustomSchema = array(looseObject({
    name: string().min(1, { error: 'must be a non-empty name' }),
    unit: string().min(1, { error: 'must be a unit like ms or Megabytes' }),
    value: number$1().refine(Number.isFinite, { error: 'must be a finite number' }),
    range: union([string(), number$1()]).optional(),
    extra: string().optional(),
}))
    .min(1, { error: 'must list at least one bench' });
const WHAT$9 = 'github-action-benchmark custom JSON ([{"name", "unit", "value"}])';
/** Every entry of a custom JSON file in github-action-benchmark's shape. */
function parseBenchmarkActionCustom(text, file, better) {
    const data = validate(benchmarkActionCustomSchema, parseJson(text, file, WHAT$9), file, WHAT$9);
    const seen = new Set();
    return data.map((entry, index) => {
        if (seen.has(entry.name)) {
            throw new ImportFormatError(file, `[${index}] ("${entry.name}"): name is used twice`);
        }
        seen.add(entry.name);
        return {
            id: entry.name,
            metrics: [
                importedMetric({
                    name: msPer(entry.unit) === undefined ? 'value' : 'time',
                    unit: entry.unit,
                    better,
                    samples: [entry.value],
                }),
            ],
            details: {
                tool: better === 'bigger' ? 'customBiggerIsBetter' : 'customSmallerIsBetter',
                ...(entry.range === undefined ? {} : { range: entry.range }),
                ...(entry.extra === undefined ? {} : { extra: entry.extra }),
                singleValue: 'value',
            },
        };
    });
}

/** BenchmarkDotNet's full JSON export (`--exporters json`): Statistics.OriginalValues in ns/op. */
const fileSchema$7 = looseObject({
    Title: string().optional(),
    HostEnvironmentInfo: looseObject({ BenchmarkDotNetVersion: string().optional() }).optional(),
    Benchmarks: array(looseObject({
        FullName: string().min(1),
        Parameters: string().nullish(),
        Statistics: looseObject({
            OriginalValues: array(number$1()).optional(),
            Mean: number$1(),
            Median: number$1().optional(),
            StandardError: number$1().optional(),
        })
            .nullish(),
        Memory: looseObject({ BytesAllocatedPerOperation: number$1().optional() }).nullish(),
    })),
});
const WHAT$8 = 'a BenchmarkDotNet JSON export (*-report-full.json or *-report.json)';
/** Every benchmark in a BenchmarkDotNet JSON export, keyed by its FullName (as the leading action). */
function parseBenchmarkDotNet(text, file) {
    const data = validate(fileSchema$7, parseJson(text, file, WHAT$8), file, WHAT$8);
    if (data.Benchmarks.length === 0)
        throw new ImportFormatError(file, 'lists no Benchmarks');
    const seen = new Set();
    return data.Benchmarks.map((bench, index) => {
        // Parameterised benches share a FullName; the Parameters string tells them apart.
        const id = bench.Parameters ? `${bench.FullName}(${bench.Parameters})` : bench.FullName;
        if (seen.has(id))
            throw new ImportFormatError(file, `Benchmarks[${index}] ("${id}") is listed twice`);
        seen.add(id);
        const details = {
            tool: 'benchmarkdotnet',
            ...(data.HostEnvironmentInfo?.BenchmarkDotNetVersion
                ? { version: data.HostEnvironmentInfo.BenchmarkDotNetVersion }
                : {}),
        };
        const stats = bench.Statistics;
        if (!stats)
            return { id, metrics: [], details, error: 'no Statistics (the benchmark failed?)' };
        const raw = stats.OriginalValues ?? [];
        if (raw.length === 0)
            details.singleValue = 'Mean (the file has no OriginalValues)';
        details.meanMs = stats.Mean * 1e-6;
        const metrics = [
            importedMetric({ name: 'time', unit: 'ns', samples: raw.length > 0 ? raw : [stats.Mean] }),
        ];
        const allocated = bench.Memory?.BytesAllocatedPerOperation;
        if (allocated !== undefined) {
            metrics.push(importedMetric({ name: 'allocated-per-op', unit: 'bytes', samples: [allocated] }));
        }
        return { id, metrics, details };
    });
}

/**
 * Catch2 benchmark results, from its console reporter (the default) or its XML reporter
 * (`-r xml`). Catch2 prints no samples, only the mean with its bootstrap interval and the
 * standard deviation: each bench has the mean as one value.
 */
const TIME = String.raw `([\d.]+(?:e[-+]?\d+)?) (ns|us|µs|ms|s)`;
const TABLE_START = /^benchmark name\s+samples\s+iterations\s+(estimated|est run time)/;
const NAME_LINE = new RegExp(String.raw `^(.+?)\s+(\d+)\s+(\d+)\s+${TIME}\s*$`);
const STATS_LINE = new RegExp(String.raw `^\s*${TIME}\s+${TIME}\s+${TIME}\s*$`);
const toNs = (value, unit) => (Number(value) * msPer(unit)) / 1e-6;
function toBench(result, file, seen, testCase) {
    if (seen.has(result.name)) {
        throw new ImportFormatError(file, `benchmark "${result.name}" is listed twice`);
    }
    seen.add(result.name);
    return {
        id: result.name,
        metrics: [importedMetric({ name: 'time', unit: 'ns', samples: [result.meanNs] })],
        details: {
            tool: 'catch2',
            ...(testCase === undefined ? {} : { testCase }),
            samples: result.samples,
            iterations: result.iterations,
            meanIntervalMs: [result.lowMeanNs * 1e-6, result.highMeanNs * 1e-6],
            stdDevMs: result.stdDevNs * 1e-6,
            singleValue: 'mean (Catch2 prints no samples)',
        },
    };
}
/** Every benchmark in Catch2's console output (v2 and v3). */
function parseCatch2(text, file) {
    if (text.trimStart().startsWith('<'))
        return parseCatch2Xml(text, file);
    const lines = text.split(/\r?\n/);
    const benches = [];
    const seen = new Set();
    // out → header (the column titles) → rows (after the dashed rule) → out (at the next rule).
    let state = 'out';
    for (let index = 0; index < lines.length; index++) {
        const line = lines[index];
        if (TABLE_START.test(line)) {
            state = 'header';
            continue;
        }
        if (/^[-=]{10,}$/.test(line.trim())) {
            state = state === 'header' ? 'rows' : 'out';
            continue;
        }
        if (state !== 'rows')
            continue;
        const head = NAME_LINE.exec(line);
        if (!head)
            continue;
        const mean = STATS_LINE.exec(lines[index + 1] ?? '');
        const spread = STATS_LINE.exec(lines[index + 2] ?? '');
        const name = head[1].trim();
        if (!mean || !spread) {
            throw new ImportFormatError(file, `line ${index + 1}: benchmark "${name}" lacks its mean and std dev lines`);
        }
        benches.push(toBench({
            name,
            samples: Number(head[2]),
            iterations: Number(head[3]),
            meanNs: toNs(mean[1], mean[2]),
            lowMeanNs: toNs(mean[3], mean[4]),
            highMeanNs: toNs(mean[5], mean[6]),
            stdDevNs: toNs(spread[1], spread[2]),
        }, file, seen));
        index += 2;
    }
    if (benches.length === 0) {
        throw new ImportFormatError(file, 'has no Catch2 benchmark table ("benchmark name  samples  iterations  estimated"); run the benches with BENCHMARK and without -r for the console reporter, or -r xml');
    }
    return benches;
}
const estimate = looseObject({
    value: number(),
    lowerBound: number(),
    upperBound: number(),
});
const resultSchema = looseObject({
    name: string().min(1),
    samples: number(),
    iterations: number(),
    mean: estimate,
    standardDeviation: estimate,
});
const XML_WHAT = 'Catch2 XML output (-r xml) with <BenchmarkResults>';
/** Every <BenchmarkResults> in Catch2's XML reporter output (values in nanoseconds). */
function parseCatch2Xml(text, file) {
    const parser = new XMLParser({
        ignoreAttributes: false,
        attributeNamePrefix: '',
        parseAttributeValue: false,
    });
    let tree;
    try {
        tree = parser.parse(text, true);
    }
    catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new ImportFormatError(file, `is not valid XML (${reason}); expected ${XML_WHAT}`);
    }
    const benches = [];
    const seen = new Set();
    // Benchmarks sit in TestCase elements, possibly inside nested Sections: walk the whole tree.
    const walk = (node, testCase) => {
        if (Array.isArray(node))
            return node.forEach((child) => walk(child, testCase));
        if (node === null || typeof node !== 'object')
            return;
        const record = node;
        for (const [key, value] of Object.entries(record)) {
            if (key === 'BenchmarkResults') {
                for (const raw of Array.isArray(value) ? value : [value]) {
                    const result = validate(resultSchema, raw, file, XML_WHAT);
                    benches.push(toBench({
                        name: result.name,
                        samples: result.samples,
                        iterations: result.iterations,
                        meanNs: result.mean.value,
                        lowMeanNs: result.mean.lowerBound,
                        highMeanNs: result.mean.upperBound,
                        stdDevNs: result.standardDeviation.value,
                    }, file, seen, testCase));
                }
            }
            else if (key === 'TestCase') {
                for (const child of Array.isArray(value) ? value : [value]) {
                    const name = child?.name;
                    walk(child, typeof name === 'string' ? name : testCase);
                }
            }
            else {
                walk(value, testCase);
            }
        }
    };
    walk(tree, undefined);
    if (benches.length === 0)
        throw new ImportFormatError(file, `has no <BenchmarkResults>; expected ${XML_WHAT}`);
    return benches;
}

/** perfgate's own import format for any other harness (documented in docs/import.md). */
const finite = number$1().refine(Number.isFinite, { error: 'must be a finite number' });
const unit = string().min(1, { error: 'must be a unit like ms, ns, s, bytes or ops/s' });
/** The custom format: `{ unit, benches: [{ name, samples | value, unit?, bigger-is-better? }] }` (or the leading action's `[{ name, unit, value }]`). */
const customSchema = strictObject({
    $schema: string().optional(),
    unit: unit.optional(),
    benches: array(strictObject({
        name: string().min(1, { error: 'must be a non-empty name' }),
        samples: array(finite).min(1, { error: 'must hold at least one number' }).optional(),
        value: finite.optional(),
        unit: unit.optional(),
        'bigger-is-better': boolean().optional(),
    }))
        .min(1, { error: 'must list at least one bench' }),
});
const WHAT$7 = 'perfgate custom import JSON ({"unit": "ms", "benches": [...]})';
/** Every bench in a custom-format file; times become ms, other units keep their direction. */
function parseCustom(text, file) {
    const json = parseJson(text, file, WHAT$7);
    // github-action-benchmark's custom shape, a top-level array, is read as it is (smaller is better).
    if (Array.isArray(json))
        return parseBenchmarkActionCustom(text, file, 'smaller');
    const data = validate(customSchema, json, file, WHAT$7);
    const seen = new Set();
    return data.benches.map((bench, index) => {
        const where = `benches[${index}] ("${bench.name}")`;
        if (seen.has(bench.name))
            throw new ImportFormatError(file, `${where}: name is used twice`);
        seen.add(bench.name);
        if ((bench.samples === undefined) === (bench.value === undefined)) {
            throw new ImportFormatError(file, `${where}: give either samples (a list) or value, not both`);
        }
        const benchUnit = bench.unit ?? data.unit;
        if (benchUnit === undefined) {
            throw new ImportFormatError(file, `${where}: has no unit; set "unit" on it or at the top`);
        }
        const better = bench['bigger-is-better'] ? 'bigger' : 'smaller';
        return {
            id: bench.name,
            metrics: [
                importedMetric({
                    // A time is the primary `time` metric; any other quantity is a plain `value`.
                    name: msPer(benchUnit) === undefined ? 'value' : 'time',
                    unit: benchUnit,
                    better,
                    samples: bench.samples ?? [bench.value],
                }),
            ],
            details: { tool: 'custom', ...(bench.samples ? {} : { singleValue: 'value' }) },
        };
    });
}

/** Google Benchmark's JSON (`--benchmark_format=json` or `--benchmark_out`). */
const rowSchema = looseObject({
    name: string().min(1),
    run_name: string().optional(),
    run_type: _enum(['iteration', 'aggregate']).optional(),
    aggregate_name: string().optional(),
    aggregate_unit: string().optional(),
    repetitions: number$1().optional(),
    threads: number$1().optional(),
    iterations: number$1().optional(),
    real_time: number$1().optional(),
    cpu_time: number$1().optional(),
    time_unit: string().optional(),
    error_occurred: boolean().optional(),
    error_message: string().optional(),
    items_per_second: number$1().optional(),
    bytes_per_second: number$1().optional(),
});
const fileSchema$6 = looseObject({
    context: looseObject({
        num_cpus: number$1().optional(),
        mhz_per_cpu: number$1().optional(),
        cpu_scaling_enabled: boolean().optional(),
        library_build_type: string().optional(),
    })
        .optional(),
    benchmarks: array(rowSchema),
});
const WHAT$6 = 'Google Benchmark JSON (--benchmark_format=json)';
const AGGREGATE_SUFFIX = /_(mean|median|stddev|cv)$/;
/**
 * Every bench in a Google Benchmark JSON file. Per-repetition rows (run_type iteration) are the
 * samples, real_time being the per-iteration wall time; aggregate rows are kept in details only.
 */
function parseGoogleBenchmark(text, file) {
    const data = validate(fileSchema$6, parseJson(text, file, WHAT$6), file, WHAT$6);
    const groups = new Map();
    for (const row of data.benchmarks) {
        const aggregate = row.run_type === 'aggregate' || (!row.run_type && isOldAggregate(row));
        const key = row.run_name ?? (aggregate ? row.name.replace(AGGREGATE_SUFFIX, '') : row.name);
        const group = groups.get(key) ?? { runs: [], aggregates: [] };
        groups.set(key, group);
        if (aggregate)
            group.aggregates.push(row);
        else
            group.runs.push(row);
    }
    if (groups.size === 0)
        throw new ImportFormatError(file, 'lists no benchmarks');
    const context = data.context;
    return [...groups].map(([id, { runs, aggregates }]) => {
        const details = {
            tool: 'google-benchmark',
            repetitions: runs.length,
            iterations: runs.map((row) => row.iterations),
            ...(runs[0]?.threads === undefined ? {} : { threads: runs[0].threads }),
            ...(aggregates.length > 0 ? { aggregates: aggregatesMs(aggregates, file) } : {}),
            ...(context ? { context: pick(context) } : {}),
        };
        const failed = runs.find((row) => row.error_occurred);
        if (failed) {
            return {
                id,
                metrics: [],
                details,
                error: failed.error_message ?? 'the bench reported an error',
            };
        }
        if (runs.length === 0) {
            throw new ImportFormatError(file, `bench "${id}" has aggregate rows but no repetition rows`);
        }
        return { id, metrics: metricsOf(runs, id, file), details };
    });
}
function metricsOf(runs, id, file) {
    const unit = runs[0].time_unit ?? 'ns';
    if (runs.some((row) => (row.time_unit ?? 'ns') !== unit) || msPer(unit) === undefined) {
        throw new ImportFormatError(file, `bench "${id}" has an unknown or mixed time_unit "${unit}"`);
    }
    const column = (key) => runs.map((row) => {
        const value = row[key];
        if (value === undefined)
            throw new ImportFormatError(file, `bench "${id}" lacks ${key}`);
        return value;
    });
    const metrics = [
        importedMetric({ name: 'time', unit, samples: column('real_time') }),
        importedMetric({ name: 'cpu-time', unit, samples: column('cpu_time') }),
    ];
    for (const [key, name, metricUnit] of [
        ['items_per_second', 'items-per-second', 'items/s'],
        ['bytes_per_second', 'bytes-per-second', 'bytes/s'],
    ]) {
        const values = runs.map((row) => row[key]);
        if (values.every((value) => value !== undefined)) {
            metrics.push(importedMetric({ name, unit: metricUnit, better: 'bigger', samples: values }));
        }
    }
    return metrics;
}
/** Google Benchmark before 1.5 wrote no run_type: aggregates were told apart by name suffix. */
function isOldAggregate(row) {
    return AGGREGATE_SUFFIX.test(row.name);
}
/** The tool's aggregates (real time in ms; cv as a fraction), keyed by aggregate name. */
function aggregatesMs(rows, file) {
    const out = {};
    for (const row of rows) {
        const name = row.aggregate_name ?? AGGREGATE_SUFFIX.exec(row.name)?.[1] ?? row.name;
        if (row.real_time === undefined)
            continue;
        // cv is a ratio (its time_unit is meaningless); the others are times.
        const ratio = row.aggregate_unit === 'percentage' || name === 'cv';
        const factor = ratio ? 1 : msPer(row.time_unit ?? 'ns');
        if (factor === undefined)
            throw new ImportFormatError(file, `unknown time_unit in ${row.name}`);
        out[name] = row.real_time * factor;
    }
    return out;
}
function pick(context) {
    const { num_cpus, mhz_per_cpu, cpu_scaling_enabled, library_build_type } = context;
    return { num_cpus, mhz_per_cpu, cpu_scaling_enabled, library_build_type };
}

/** JMH's JSON result file (`-rf json`): primaryMetric.rawData holds every measured iteration. */
const fileSchema$5 = array(looseObject({
    benchmark: string().min(1),
    mode: string(),
    threads: number$1().optional(),
    forks: number$1().optional(),
    jmhVersion: string().optional(),
    params: record(string(), string()).optional(),
    primaryMetric: looseObject({
        score: number$1(),
        scoreError: union([number$1(), string()]).optional(),
        scoreUnit: string().min(1),
        rawData: array(array(number$1())).optional(),
    }),
}));
const WHAT$5 = 'a JMH JSON result file (-rf json)';
/** `ns/op` → time unit `ns`; `ops/s` → rate per `s`; anything else undefined. */
function splitUnit(scoreUnit) {
    const [top, bottom] = scoreUnit.split('/');
    if (bottom === 'op' && msPer(top) !== undefined)
        return { time: top };
    if (top === 'ops' && bottom !== undefined) {
        const per = bottom === 'min' ? undefined : msPer(bottom);
        if (per !== undefined)
            return { ratePer: bottom };
    }
    return {};
}
/**
 * Every benchmark in a JMH JSON file, named like github-action-benchmark does (`benchmark` plus
 * ` ( {"param":"value"} )`). Each measured iteration is a sample; a throughput (ops/time) is
 * turned into the time per operation so that every bench's `time` is smaller-is-better.
 */
function parseJmh(text, file) {
    const data = validate(fileSchema$5, parseJson(text, file, WHAT$5), file, WHAT$5);
    if (data.length === 0)
        throw new ImportFormatError(file, 'lists no benchmarks');
    const seen = new Set();
    return data.map((bench, index) => {
        const id = bench.benchmark + (bench.params ? ` ( ${JSON.stringify(bench.params)} )` : '');
        if (seen.has(id))
            throw new ImportFormatError(file, `[${index}] ("${id}") is listed twice`);
        seen.add(id);
        const metric = bench.primaryMetric;
        const raw = (metric.rawData ?? []).flat();
        const values = raw.length > 0 ? raw : [metric.score];
        const unit = splitUnit(metric.scoreUnit);
        const details = {
            tool: 'jmh',
            mode: bench.mode,
            score: metric.score,
            scoreUnit: metric.scoreUnit,
            ...(metric.scoreError === undefined ? {} : { scoreError: metric.scoreError }),
            ...(bench.forks === undefined ? {} : { forks: bench.forks }),
            ...(bench.threads === undefined ? {} : { threads: bench.threads }),
            ...(bench.jmhVersion === undefined ? {} : { jmhVersion: bench.jmhVersion }),
            ...(raw.length > 0 ? {} : { singleValue: 'score (the file has no rawData)' }),
        };
        if (unit.time !== undefined) {
            return {
                id,
                metrics: [importedMetric({ name: 'time', unit: unit.time, samples: values })],
                details,
            };
        }
        if (unit.ratePer !== undefined) {
            const perOp = values.map((rate) => 1 / rate);
            return {
                id,
                metrics: [importedMetric({ name: 'time', unit: unit.ratePer, samples: perOp })],
                details,
            };
        }
        return {
            id,
            metrics: [importedMetric({ name: 'value', unit: metric.scoreUnit, samples: values })],
            details,
        };
    });
}

/**
 * Julia BenchmarkTools JSON (`BenchmarkTools.save("out.json", results)`): nested BenchmarkGroups
 * whose leaves are a Trial (every sample's time) or a TrialEstimate (one estimate), in ns.
 */
const WHAT$4 = 'a BenchmarkTools JSON file (BenchmarkTools.save)';
const fileSchema$4 = tuple([record(string(), unknown()), array(unknown())]);
const groupSchema = tuple([
    literal('BenchmarkGroup'),
    looseObject({ data: record(string(), unknown()) }),
]);
const trialSchema = tuple([
    literal('Trial'),
    looseObject({ times: array(number$1()).min(1), memory: number$1(), allocs: number$1() }),
]);
const estimateSchema$1 = tuple([
    literal('TrialEstimate'),
    looseObject({ time: number$1(), memory: number$1(), allocs: number$1() }),
]);
/** Every Trial or TrialEstimate, keyed by its group path joined with `/` (as the leading action). */
function parseJulia(text, file) {
    const [versions, groups] = validate(fileSchema$4, parseJson(text, file, WHAT$4), file, WHAT$4);
    const benches = [];
    const visit = (node, labels) => {
        const where = labels.length > 0 ? labels.join('/') : 'the top group';
        const kind = Array.isArray(node) ? node[0] : undefined;
        if (kind === 'BenchmarkGroup') {
            const [, group] = validate(groupSchema, node, file, `${WHAT$4} (at ${where})`);
            for (const [key, child] of Object.entries(group.data))
                visit(child, [...labels, key]);
            return;
        }
        const details = { tool: 'julia', ...versions };
        let metrics;
        if (kind === 'Trial') {
            const [, trial] = validate(trialSchema, node, file, `${WHAT$4} (at ${where})`);
            metrics = [importedMetric({ name: 'time', unit: 'ns', samples: trial.times })];
            details.memoryBytes = trial.memory;
            details.allocs = trial.allocs;
        }
        else if (kind === 'TrialEstimate') {
            const [, estimate] = validate(estimateSchema$1, node, file, `${WHAT$4} (at ${where})`);
            metrics = [importedMetric({ name: 'time', unit: 'ns', samples: [estimate.time] })];
            details.memoryBytes = estimate.memory;
            details.allocs = estimate.allocs;
            details.singleValue = 'the saved TrialEstimate (save the Trial to keep every sample)';
        }
        else {
            throw new ImportFormatError(file, `${where} is ${JSON.stringify(kind)}; expected a BenchmarkGroup, Trial or TrialEstimate`);
        }
        benches.push({ id: labels.join('/'), metrics, details });
    };
    for (const group of groups)
        visit(group, []);
    if (benches.length === 0)
        throw new ImportFormatError(file, 'holds no Trial or TrialEstimate');
    return benches;
}

/** hyperfine's `--export-json` file: results[].times are the wall times of each run, in seconds. */
const fileSchema$3 = looseObject({
    results: array(looseObject({
        command: string().min(1),
        mean: number$1(),
        stddev: number$1().nullish(),
        median: number$1().optional(),
        user: number$1().optional(),
        system: number$1().optional(),
        min: number$1().optional(),
        max: number$1().optional(),
        times: array(number$1()).optional(),
        exit_codes: array(number$1().nullable()).optional(),
        memory_usage_byte: array(number$1()).optional(),
        parameters: record(string(), unknown()).optional(),
    })),
});
const WHAT$3 = 'a hyperfine JSON file (--export-json)';
/** Every command in a hyperfine export, keyed by its command (or its --command-name). */
function parseHyperfine(text, file) {
    const data = validate(fileSchema$3, parseJson(text, file, WHAT$3), file, WHAT$3);
    if (data.results.length === 0)
        throw new ImportFormatError(file, 'lists no results');
    return data.results.map((result) => {
        const raw = result.times !== undefined && result.times.length > 0;
        const metrics = [
            importedMetric({ name: 'time', unit: 's', samples: raw ? result.times : [result.mean] }),
        ];
        if (result.memory_usage_byte !== undefined && result.memory_usage_byte.length > 0) {
            metrics.push(importedMetric({ name: 'peak-rss', unit: 'bytes', samples: result.memory_usage_byte }));
        }
        const failedRuns = (result.exit_codes ?? []).filter((code) => code !== 0).length;
        return {
            id: result.command,
            metrics,
            details: {
                tool: 'hyperfine',
                ...(result.user === undefined ? {} : { userMs: result.user * 1e3 }),
                ...(result.system === undefined ? {} : { systemMs: result.system * 1e3 }),
                ...(result.parameters ? { parameters: result.parameters } : {}),
                ...(failedRuns > 0 ? { failedRuns } : {}),
                ...(raw ? {} : { singleValue: 'mean (the file has no times)' }),
            },
        };
    });
}

/** pytest-benchmark's `--benchmark-json` file: stats.data holds every round's per-iteration time (s). */
const statsSchema = looseObject({
    min: number$1(),
    max: number$1(),
    mean: number$1(),
    stddev: number$1(),
    median: number$1(),
    rounds: number$1(),
    iterations: number$1().optional(),
    ops: number$1().optional(),
    data: array(number$1()).optional(),
});
const fileSchema$2 = looseObject({
    benchmarks: array(looseObject({
        name: string().min(1),
        fullname: string().min(1),
        group: string().nullish(),
        params: record(string(), unknown()).nullish(),
        stats: statsSchema.nullable(),
    })),
    version: string().optional(),
});
const WHAT$2 = 'a pytest-benchmark JSON file (--benchmark-json)';
/**
 * Every bench in a pytest-benchmark JSON file, keyed by its full test id. Raw rounds come from
 * stats.data; without them (saved with data left out) the median is used as a single value.
 */
function parsePytestBenchmark(text, file) {
    const data = validate(fileSchema$2, parseJson(text, file, WHAT$2), file, WHAT$2);
    if (data.benchmarks.length === 0)
        throw new ImportFormatError(file, 'lists no benchmarks');
    return data.benchmarks.map((bench) => {
        const details = {
            tool: 'pytest-benchmark',
            ...(data.version ? { version: data.version } : {}),
            ...(bench.group ? { group: bench.group } : {}),
            ...(bench.params ? { params: bench.params } : {}),
        };
        const stats = bench.stats;
        if (stats === null)
            return { id: bench.fullname, metrics: [], details, error: 'no stats' };
        const raw = stats.data !== undefined && stats.data.length > 0;
        details.iterationsPerRound = stats.iterations;
        details.rounds = stats.rounds;
        details.summaryMs = {
            min: stats.min * 1e3,
            max: stats.max * 1e3,
            mean: stats.mean * 1e3,
            median: stats.median * 1e3,
            stddev: stats.stddev * 1e3,
        };
        if (!raw)
            details.singleValue = 'median (the file has no stats.data)';
        return {
            id: bench.fullname,
            metrics: [
                importedMetric({ name: 'time', unit: 's', samples: raw ? stats.data : [stats.median] }),
            ],
            details,
        };
    });
}

/** A tinybench task result (shared by the tinybench and vitest formats), in both of its shapes. */
const statisticsSchema = looseObject({
    mean: number$1(),
    p50: number$1().optional(),
    min: number$1().optional(),
    max: number$1().optional(),
    sd: number$1().optional(),
    rme: number$1().nullish(),
    samples: array(number$1()).nullish(),
    samplesCount: number$1().optional(),
});
/** tinybench ≥3 (latency/throughput objects) or tinybench 2 (flat fields), all times in ms. */
const taskResultSchema = looseObject({
    state: string().optional(),
    latency: statisticsSchema.optional(),
    throughput: statisticsSchema.optional(),
    mean: number$1().optional(),
    median: number$1().optional(),
    p50: number$1().optional(),
    samples: array(number$1()).nullish(),
    rme: number$1().nullish(),
    totalTime: number$1().optional(),
    period: number$1().optional(),
});
/** The time metric (ms) and notes of a task result, or undefined when it holds no statistics. */
function timeFromTaskResult(result) {
    const latency = result.latency;
    const samples = latency ? latency.samples : result.samples;
    const mean = latency ? latency.mean : result.mean;
    if (mean === undefined)
        return undefined;
    const median = latency ? latency.p50 : (result.median ?? result.p50);
    const details = {
        summaryMs: {
            mean,
            ...(median === undefined ? {} : { median }),
            ...(latency?.min === undefined ? {} : { min: latency.min }),
            ...(latency?.max === undefined ? {} : { max: latency.max }),
            ...(latency?.sd === undefined ? {} : { sd: latency.sd }),
        },
        ...((latency?.rme ?? result.rme) == null ? {} : { rmePercent: latency?.rme ?? result.rme }),
        ...(latency?.samplesCount === undefined ? {} : { samplesCount: latency.samplesCount }),
    };
    if (samples && samples.length > 0) {
        // tinybench sorts the samples it keeps, so their run order is lost.
        details.samplesSorted = true;
        return { metric: importedMetric({ name: 'time', unit: 'ms', samples }), details };
    }
    details.singleValue = median === undefined ? 'mean (no samples kept)' : 'median (no samples kept)';
    return {
        metric: importedMetric({ name: 'time', unit: 'ms', samples: [median ?? mean] }),
        details,
    };
}

/** tinybench results serialised as JSON: `bench.tasks.map(({ name, result }) => ({ name, result }))`. */
const fileSchema$1 = array(looseObject({ name: string().min(1), result: taskResultSchema.nullish() }));
const WHAT$1 = 'a JSON array of tinybench tasks ({ name, result })';
/** Every task in a tinybench JSON file; raw samples with `retainSamples`, else the summary. */
function parseTinybench(text, file) {
    const tasks = validate(fileSchema$1, parseJson(text, file, WHAT$1), file, WHAT$1);
    if (tasks.length === 0)
        throw new ImportFormatError(file, 'lists no tasks');
    return tasks.map(({ name, result }) => {
        const time = result ? timeFromTaskResult(result) : undefined;
        const state = result?.state;
        if (!time || state === 'errored') {
            return {
                id: name,
                metrics: [],
                details: { tool: 'tinybench' },
                error: `tinybench reports the task as ${state ?? 'without a result'}, with no statistics`,
            };
        }
        return {
            id: name,
            metrics: [time.metric],
            details: { tool: 'tinybench', ...(state ? { state } : {}), ...time.details },
        };
    });
}

/**
 * `vitest bench --outputJson` files. Written against vitest's json-formatter: it empties every
 * bench's `samples`, so a bench usually yields its median as a single value.
 */
const fileSchema = looseObject({
    files: array(looseObject({
        filepath: string(),
        groups: array(looseObject({
            fullName: string(),
            benchmarks: array(taskResultSchema.extend({
                name: string().min(1),
                id: string().optional(),
                rank: number$1().optional(),
            })),
        })),
    })),
});
const WHAT = 'a vitest bench JSON file (--outputJson)';
/** Every bench in a vitest bench JSON file, keyed `<group full name> > <bench name>`. */
function parseVitest(text, file) {
    const data = validate(fileSchema, parseJson(text, file, WHAT), file, WHAT);
    const benches = [];
    for (const source of data.files) {
        for (const group of source.groups) {
            for (const bench of group.benchmarks) {
                const id = `${group.fullName} > ${bench.name}`;
                const time = timeFromTaskResult(bench);
                if (!time)
                    throw new ImportFormatError(file, `bench "${id}" has no mean time`);
                benches.push({
                    id,
                    metrics: [time.metric],
                    details: {
                        tool: 'vitest',
                        file: source.filepath,
                        ...(bench.rank === undefined ? {} : { rank: bench.rank }),
                        ...time.details,
                    },
                });
            }
        }
    }
    if (benches.length === 0)
        throw new ImportFormatError(file, 'lists no benches');
    return benches;
}

/** Criterion.rs results: one bench per `<id>/new/` folder (benchmark.json, sample.json, estimates.json). */
const benchmarkSchema = looseObject({
    full_id: string().min(1),
    group_id: string().optional(),
    function_id: string().nullish(),
    value_str: string().nullish(),
    throughput: unknown().optional(),
    directory_name: string().optional(),
});
const positive = number$1().positive();
const sampleSchema = looseObject({
    sampling_mode: _enum(['Linear', 'Flat', 'Auto']).optional(),
    iters: array(positive).min(1),
    times: array(number$1().nonnegative()).min(1),
});
const estimateSchema = looseObject({
    confidence_interval: looseObject({
        confidence_level: number$1(),
        lower_bound: number$1(),
        upper_bound: number$1(),
    }),
    point_estimate: number$1(),
    standard_error: number$1(),
});
const estimatesSchema = looseObject({
    mean: estimateSchema,
    median: estimateSchema,
    median_abs_dev: estimateSchema.optional(),
    slope: estimateSchema.nullish(),
    std_dev: estimateSchema.optional(),
});
/**
 * One Criterion bench from the files of its `new/` folder (`dir` names it in messages).
 * Each sample of Criterion times `iters[i]` iterations in `times[i]` ns, in both Linear and Flat
 * mode, so the per-iteration time is the ratio times[i] / iters[i] (Linear iters are not
 * cumulative: differences between samples would be wrong).
 */
function parseCriterion(files, dir) {
    const benchmarkFile = `${dir}/benchmark.json`;
    const sampleFile = `${dir}/sample.json`;
    const benchmark = validate(benchmarkSchema, parseJson(files.benchmark, benchmarkFile, "Criterion's benchmark.json"), benchmarkFile, "Criterion's benchmark.json");
    const sample = validate(sampleSchema, parseJson(files.sample, sampleFile, "Criterion's sample.json"), sampleFile, "Criterion's sample.json");
    if (sample.iters.length !== sample.times.length) {
        throw new ImportFormatError(sampleFile, `has ${sample.iters.length} iters but ${sample.times.length} times; they must pair up`);
    }
    const perIterationNs = sample.times.map((time, i) => time / sample.iters[i]);
    const details = {
        tool: 'criterion',
        samplingMode: sample.sampling_mode ?? 'unknown',
        iterations: sample.iters.reduce((sum, n) => sum + n, 0),
        groupId: benchmark.group_id,
        ...(benchmark.function_id ? { functionId: benchmark.function_id } : {}),
        ...(benchmark.value_str ? { value: benchmark.value_str } : {}),
        ...(benchmark.throughput ? { throughput: benchmark.throughput } : {}),
    };
    if (files.estimates !== undefined) {
        const estimatesFile = `${dir}/estimates.json`;
        const estimates = validate(estimatesSchema, parseJson(files.estimates, estimatesFile, "Criterion's estimates.json"), estimatesFile, "Criterion's estimates.json");
        details.estimatesMs = toMs(estimates);
    }
    return {
        id: benchmark.full_id,
        metrics: [importedMetric({ name: 'time', unit: 'ns', samples: perIterationNs })],
        details,
    };
}
/** Criterion's own estimates (ns) in ms, for reference next to perfgate's statistics. */
function toMs(estimates) {
    const out = {};
    const entries = [
        ['mean', estimates.mean],
        ['median', estimates.median],
        ['medianAbsDev', estimates.median_abs_dev],
        ['slope', estimates.slope],
        ['stdDev', estimates.std_dev],
    ];
    for (const [name, estimate] of entries) {
        if (!estimate)
            continue;
        out[name] = {
            point: estimate.point_estimate / 1e6,
            lower: estimate.confidence_interval.lower_bound / 1e6,
            upper: estimate.confidence_interval.upper_bound / 1e6,
            confidence: estimate.confidence_interval.confidence_level,
        };
    }
    return out;
}

/** Config fields both PostgreSQL kinds (`sql`, `pg-notify`) share: where to connect and how. */
/** Connection fields of a PostgreSQL bench. */
const connectionFields = {
    'database-url-env': envName().optional().meta({
        description: 'Environment variable holding the connection URL (default DATABASE_URL). The URL itself never goes in the config.',
    }),
    'search-path': union([text('a schema name'), array(text('a schema name')).min(1)], {
        error: 'must be a schema name or a list of schema names',
    })
        .optional()
        .meta({ description: 'search_path for the bench connection(s), e.g. [tasker, public].' }),
    'setup-file': text('a path to an .sql file, relative to the config file').optional().meta({
        description: 'SQL file run once before the bench, before `setup` (e.g. an idempotent schema and seed).',
    }),
    setup: text('SQL')
        .optional()
        .meta({ description: 'SQL run once before the bench (not timed), e.g. schema and seed.' }),
    teardown: text('SQL')
        .optional()
        .meta({ description: 'SQL run once after the bench, even when it failed (not timed).' }),
};
/** The connection part of a spec from the parsed fields; paths resolve against `configDir`. */
function toConnectionSpec(raw, configDir) {
    const searchPath = raw['search-path'];
    const setupFile = raw['setup-file'];
    return {
        urlEnv: raw['database-url-env'] ?? 'DATABASE_URL',
        searchPath: searchPath === undefined ? [] : typeof searchPath === 'string' ? [searchPath] : searchPath,
        ...(setupFile === undefined ? {} : { setupFile: path.resolve(configDir, setupFile) }),
        setup: raw.setup,
        teardown: raw.teardown,
    };
}

/** Config of the `pg-notify` kind: LISTEN/NOTIFY round trip from a sender to a persistent listener. */
/** The placeholder a notify payload must contain: replaced by a unique token per sample. */
const TOKEN_PLACEHOLDER = '{{token}}';
/** PostgreSQL rejects NOTIFY payloads of 8000 bytes or more; keep room for the token. */
const MAX_PAYLOAD_BYTES = 7900;
/** Fields of a `pg-notify` bench. */
const pgNotifyFields = {
    kind: literal('pg-notify'),
    ...connectionFields,
    channel: text('a channel name')
        .optional()
        .meta({ description: 'Channel the listener LISTENs on (default perfgate_bench).' }),
    'notify-sql': text('SQL')
        .optional()
        .meta({
        description: 'SQL the sender runs each sample; $1 is the payload (with its token), $2 the channel (default SELECT pg_notify($2, $1)).',
        examples: ["SELECT pgmq_send_with_notify('bench_queue', $1::jsonb, 0)"],
    }),
    payload: text('a payload containing {{token}}')
        .refine((value) => value.includes(TOKEN_PLACEHOLDER), {
        error: `must contain ${TOKEN_PLACEHOLDER} (replaced by a unique token per sample, to match the notification)`,
    })
        .refine((value) => new TextEncoder().encode(value).length < MAX_PAYLOAD_BYTES, {
        error: `must be shorter than ${MAX_PAYLOAD_BYTES} bytes (PostgreSQL's NOTIFY limit is 8000)`,
    })
        .optional()
        .meta({ description: 'Payload template (default {"token":"{{token}}"}).' }),
    'sample-timeout': duration()
        .optional()
        .meta({ description: 'How long one sample waits for its notification (default 1s).' }),
};
/** The spec of a parsed `pg-notify` bench. */
function toPgNotifySpec(raw, ctx) {
    return {
        kind: 'pg-notify',
        ...toConnectionSpec(raw, ctx.configDir),
        channel: raw.channel ?? 'perfgate_bench',
        notifySql: raw['notify-sql'] ?? 'SELECT pg_notify($2, $1)',
        payload: raw.payload ?? `{"token":"${TOKEN_PLACEHOLDER}"}`,
        sampleTimeout: raw['sample-timeout'] ?? 1000,
    };
}

export { ImportFormatError as I, TOKEN_PLACEHOLDER as T, makeMetric as a, toPgNotifySpec as b, connectionFields as c, pgNotifyFields as d, errorFunction as e, parseJulia as f, parseBenchmarkDotNet as g, parseJmh as h, importedMetric as i, parseCatch2 as j, parseCustom as k, parseTinybench as l, msPer as m, parseVitest as n, parseHyperfine as o, parseJsonPath as p, parsePytestBenchmark as q, parseGoogleBenchmark as r, parseBenchmarkActionCustom as s, toConnectionSpec as t, quantile as u, readJsonPath as v, linearRegression as w, rSquared as x, linearRegressionLine as y, parseCriterion as z };
