import { corsOptions } from './cors.js';

describe('CORS options from CORS_ORIGINS', () => {
  it('given nothing configured, then CORS stays off', () => {
    expect(corsOptions(undefined)).toBeUndefined();
    expect(corsOptions(' , ')).toBeUndefined();
  });

  it('given a list, then exactly those origins, without credentials', () => {
    expect(corsOptions(' https://ui.example.org ,http://localhost:5173')).toMatchObject({
      origin: ['https://ui.example.org', 'http://localhost:5173'], credentials: false,
    });
  });

  it('given *, then any origin', () => {
    expect(corsOptions('*')).toMatchObject({ origin: '*' });
  });

  it('given any origins, then a browser may send and read the consistency token (read-your-writes across replicas)', () => {
    const options = corsOptions('https://ui.example.org')!;
    expect(options.exposedHeaders).toContain('Stanceline-Token');
    expect(options.allowedHeaders).toContain('Stanceline-Token');
  });
});
