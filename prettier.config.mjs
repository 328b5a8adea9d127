/** @type {import('prettier').Config} */
const config = {
  singleQuote: true,
  printWidth: 100,
  trailingComma: 'all',
  plugins: ['prettier-plugin-tailwindcss'],
};
export default config;
