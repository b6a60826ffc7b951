kubectl apply -f nginx-deployment.yaml
kubectl get deploy -o custom-columns=NAME:.metadata.name,IMAGE:.spec.template.spec.containers[0].image
kubectl get all
kubectl label pods --all tier=web
kubectl get pods --sort-by=.metadata.name -o name
kubectl get deploy nginx-deployment -o json | head -5
kubectl create deployment
kubectl get pods -o foo
kubectl get pods -o jsonpath
kubectl get pods -o jsonpath='{.items[}'
kubectl get deployments.apps
kubectl get deployment.v1.apps nginx-deployment
kubectl -n kube-system get pods -l k8s-app=kube-dns
kubectl get pods -n nope
kubectl delete deployment --all
