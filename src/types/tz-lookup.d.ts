declare module 'tz-lookup' {
  /** The IANA time zone at a point; throws on coordinates out of range. */
  export default function tzlookup(lat: number, lon: number): string;
}
