// Lets a build script import the TypeScript content schemas with Node's own type
// stripping: their relative imports have no extension (Astro/Vite style), so this
// resolve hook tries `.ts` when Node cannot find the bare path.
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !/^\.{1,2}\//.test(specifier) || /\.[cm]?[jt]s$/.test(specifier)) throw error;
    return next(`${specifier}.ts`, context);
  }
}
