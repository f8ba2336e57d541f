/** The last N calendar months (UTC) as "YYYY-MM-01", oldest first, for charts. */
export function lastMonths(now: Date, count: number): string[] {
  const months: string[] = [];
  for (let offset = count - 1; offset >= 0; offset--) {
    const date = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - offset, 1));
    months.push(date.toISOString().slice(0, 10));
  }
  return months;
}
