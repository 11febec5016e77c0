// Boots GraphiQL against this BFF's /graphql (same origin, cookies included). Kept out of the HTML so the page works
// under the BFF's Content-Security-Policy, which forbids inline scripts.
(function () {
  var el = document.getElementById('graphiql');
  var fetcher = GraphiQL.createFetcher({ url: el.getAttribute('data-graphql-path') || '/graphql' });
  ReactDOM.createRoot(el).render(React.createElement(GraphiQL, { fetcher: fetcher }));
})();
