import { describe, expect, it } from 'vitest';
import { sniffEncoding } from '../../src/core/ingest/sniff';

const bytes = (...values: number[]) => new Uint8Array(values);
const text = (value: string) => new TextEncoder().encode(value);

describe('sniffEncoding', () => {
  it('refuses empty and binary files with a message naming what they look like', () => {
    expect(() => sniffEncoding(new Uint8Array(0), 'a.csv')).toThrow(/a\.csv is empty/);
    expect(() => sniffEncoding(bytes(0x89, 0x50, 0x4e, 0x47, 13, 10), 'map.csv')).toThrow(/PNG image/);
    expect(() => sniffEncoding(bytes(0x50, 0x4b, 0x03, 0x04, 0), 'book.csv')).toThrow(/Excel \.xlsx/);
    expect(() => sniffEncoding(bytes(65, 0, 66, 67, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9), 'x.csv')).toThrow(/binary/);
  });
  it('refuses web pages, KML and JSON', () => {
    expect(() => sniffEncoding(text('  <!DOCTYPE html><html>'), 'p.csv')).toThrow(/HTML/);
    expect(() => sniffEncoding(text('<?xml version="1.0"?><kml>'), 'z.csv')).toThrow(/KML/);
    expect(() => sniffEncoding(text('{"type":"FeatureCollection"}'), 'z.csv')).toThrow(/GeoJSON/);
  });
  it('finds UTF-16 by its byte-order mark or its zero bytes', () => {
    expect(sniffEncoding(bytes(0xff, 0xfe, 65, 0), 'u.csv')).toBe('utf-16le');
    expect(sniffEncoding(bytes(0xfe, 0xff, 0, 65), 'u.csv')).toBe('utf-16be');
    expect(sniffEncoding(bytes(65, 0, 44, 0, 66, 0, 10, 0), 'u.csv')).toBe('utf-16le');
  });
  it('takes valid UTF-8 as UTF-8 and anything else as Windows-1252', () => {
    expect(sniffEncoding(text('name,place\nJosé,Café\n'), 'u.csv')).toBe('utf-8');
    expect(sniffEncoding(bytes(0x4a, 0x6f, 0x73, 0xe9, 0x2c, 0x61, 0x0a), 'l.csv')).toBe('windows-1252');
  });
});
