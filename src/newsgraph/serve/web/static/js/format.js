// Numbers, units, periods and dates for people.

const SCALES = [[1e12, "trillion", "tn"], [1e9, "billion", "bn"], [1e6, "million", "mn"], [1e3, "thousand", "k"]];

export function isCurrency(unit) {
  return typeof unit === "string" && /^[A-Z]{3}$/.test(unit);
}

export function number(value, digits = 2) {
  return new Intl.NumberFormat("en", { maximumFractionDigits: digits }).format(value);
}

/** 24000000000, "USD" -> "$24 bn"; 34, "percent" -> "34%". */
export function amount(value, unit) {
  if (value === null || value === undefined) return "—";
  if (unit === "percent") return `${number(value)}%`;
  if (unit === "pp") return `${number(value)} pp`;
  const abs = Math.abs(value);
  const scale = SCALES.find(([size]) => abs >= size && size >= 1e6);
  const [shown, suffix] = scale ? [value / scale[0], ` ${scale[2]}`] : [value, ""];
  if (isCurrency(unit)) {
    try {
      const money = new Intl.NumberFormat("en", { style: "currency", currency: unit, maximumFractionDigits: 2 });
      return money.format(shown) + suffix;
    } catch {
      return `${number(shown)}${suffix} ${unit}`;
    }
  }
  return `${number(shown)}${suffix}${unit ? ` ${unit}` : ""}`;
}

/** The scale that suits a list of values: [divisor, label] (e.g. [1e9, "billion"]). */
export function scaleFor(values) {
  const top = Math.max(...values.map((v) => Math.abs(v)));
  const scale = SCALES.find(([size]) => top >= size && size >= 1e6);
  return scale ? [scale[0], scale[1]] : [1, ""];
}

const HALF_MONTH = { 1: "04", 2: "10" };

/** A TIMEX3 value as a point in time (ms, UTC) at the middle of its period; null if none. */
export function periodTime(period) {
  if (typeof period !== "string") return null;
  let m;
  if ((m = /^(\d{4})-(\d{2})-(\d{2})/.exec(period))) return Date.UTC(+m[1], +m[2] - 1, +m[3]);
  if ((m = /^(\d{4})-(\d{2})$/.exec(period))) return Date.UTC(+m[1], +m[2] - 1, 15);
  if ((m = /^(\d{4})-Q([1-4])$/.exec(period))) return Date.UTC(+m[1], (+m[2] - 1) * 3 + 1, 15);
  if ((m = /^(\d{4})-H([12])$/.exec(period))) return Date.UTC(+m[1], +HALF_MONTH[m[2]] - 1, 1);
  if ((m = /^(\d{4})$/.exec(period))) return Date.UTC(+m[1], 6, 1);
  // "as of 2023-09-01", "P17Y to 2023-09-01": the point the figure is stated for
  if ((m = /(?:as of|to) (\d{4}(?:-\d{2}(?:-\d{2})?|-Q[1-4]|-H[12])?)$/.exec(period))) return periodTime(m[1]);
  return null;
}

export function percent(fraction, digits = 1) {
  return fraction === null || fraction === undefined ? "—" : `${number(fraction * 100, digits)}%`;
}

const PLURALS = { entity: "entities", series: "series", "figure series": "figure series" };

export function plural(n, word) {
  return `${number(n, 0)} ${n === 1 ? word : PLURALS[word] || `${word}s`}`;
}

export function title(text) {
  const value = String(text || "");
  return value.charAt(0).toUpperCase() + value.slice(1);
}
