import { describe, expect, it } from 'vitest';
import { detectSchema, guessMapping, headerSignature, missingMappingFields } from '../../src/core/ingest/schema';
import { POLICE_HEADER } from './memorySource';

describe('detectSchema', () => {
  it('recognises a police.uk street-level header', () => {
    expect(detectSchema(POLICE_HEADER.split(','))).toEqual({ kind: 'police.uk' });
  });
  it('does not take a police.uk header with a missing column for one', () => {
    expect(detectSchema(POLICE_HEADER.split(',').slice(0, 11)).kind).toBe('mapped');
  });
  it('recognises pre-aggregated H3 tables as DuckDB or BigQuery write them', () => {
    expect(detectSchema(['h3', 'count'])).toEqual({ kind: 'h3', columns: { h3: 0, count: 1, month: -1, category: -1 } });
    expect(detectSchema(['month', 'h3_index', 'category', 'n'])).toEqual({ kind: 'h3', columns: { h3: 1, count: 3, month: 0, category: 2 } });
  });
  it('guesses a council extract with British National Grid coordinates', () => {
    const header = ['Reference', 'Date received', 'Category', 'Easting', 'Northing', 'Location', 'Description'];
    expect(guessMapping(header)).toEqual({ coordinates: 'bng', x: 'Easting', y: 'Northing', date: 'Date received', time: undefined, category: 'Category', reference: 'Reference', location: 'Location' });
  });
  it('guesses latitude and longitude columns ahead of eastings', () => {
    const guess = guessMapping(['Case ID', 'Opened', 'Lat', 'Long', 'Type', 'Address', 'Easting', 'Northing']);
    expect(guess).toMatchObject({ coordinates: 'wgs84', y: 'Lat', x: 'Long', category: 'Type', location: 'Address', reference: 'Case ID' });
    expect(guess.date).toBe('Opened');
    expect(guessMapping(['Lat', 'Lng', 'Notes']).date).toBeUndefined();
  });
  it('names what a mapping still lacks', () => {
    const header = ['lat', 'lng', 'when'];
    expect(missingMappingFields({ coordinates: 'wgs84', y: 'lat', x: 'lng' }, header)).toEqual(['date']);
    expect(missingMappingFields({ coordinates: 'bng', date: 'when', category: 'gone' }, header)).toEqual(['northing', 'easting', 'category']);
  });
  it('gives the same signature to headers that differ only in case and spacing', () => {
    expect(headerSignature([' Date Received', 'EASTING'])).toBe(headerSignature(['date received', 'Easting ']));
    expect(headerSignature(['a', 'b'])).not.toBe(headerSignature(['b', 'a']));
  });
});
